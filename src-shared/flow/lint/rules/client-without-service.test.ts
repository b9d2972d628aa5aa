import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { clientWithoutService } from './client-without-service';

describe('client-without-service', () => {
  it('reports every client that calls nothing', () => {
    const flow = testFlow(
      [
        ['rc', 'restClient'],
        ['gc', 'grpcClient'],
        ['qc', 'graphqlClient'],
        ['gw', 'apiGateway'],
      ],
      [['rc', 'gw']],
    );
    expect(clientWithoutService(flow).map((f) => [f.nodeId, f.severity, f.message])).toEqual([
      ['gc', 'error', 'gRPC client "gc" calls nothing: connect it to a gRPC service or a gateway'],
      ['qc', 'error', 'GraphQL client "qc" calls nothing: connect it to a GraphQL service or a gateway'],
    ]);
  });
});
