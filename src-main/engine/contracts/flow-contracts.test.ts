import { describe, expect, it } from 'vitest';
import { parseFlowValue } from '@shared/flow/parse';
import type { FlowDocument } from '@shared/flow/document';
import { compileFlowContracts } from './flow-contracts';

const PROTO =
  'syntax = "proto3";\npackage shop;\nmessage Order { string id = 1; }\nservice Orders { rpc Get (Order) returns (Order); }\n';

function flow(nodes: Array<{ id: string; kind: string; config: Record<string, unknown> }>): FlowDocument {
  const res = parseFlowValue({
    version: 2,
    name: 'contracts',
    nodes: nodes.map((n, i) => ({ ...n, position: { x: i * 100, y: 0 } })),
    edges: [],
  });
  if (!res.ok) throw new Error(JSON.stringify(res.problems));
  return res.flow;
}

describe('compileFlowContracts', () => {
  it('compiles each destination with its encoding, protobuf types from the flow’s services', () => {
    const contracts = compileFlowContracts(
      flow([
        { id: 'svc', kind: 'grpcService', config: { name: 'orders', proto: PROTO, service: 'shop.Orders' } },
        // A second service with the same .proto must not clash with the first.
        {
          id: 'svc2',
          kind: 'grpcService',
          config: { name: 'orders-2', proto: PROTO, service: 'shop.Orders' },
        },
        {
          id: 't',
          kind: 'kafkaTopic',
          config: {
            topic: 'orders',
            contract: { format: 'protobuf', messageType: 'shop.Order' },
            encoding: 'protobuf',
          },
        },
        {
          id: 'q',
          kind: 'rabbitQueue',
          config: { queue: 'q', contract: { format: 'json-schema', schema: '{"type": "object"}' } },
        },
        { id: 'plain', kind: 'rabbitQueue', config: { queue: 'plain' } },
        {
          id: 'rest',
          kind: 'restService',
          config: {
            routes: [{ path: '/a' }, { path: '/b', contract: { format: 'avro', schema: '"string"' } }],
          },
        },
      ]),
    );
    expect(contracts.problems).toEqual([]);
    expect([...contracts.byNode.keys()]).toEqual(['t', 'q']);
    expect(contracts.byNode.get('t')?.encoding).toBe('protobuf');
    expect(contracts.byNode.get('t')?.validate({ id: 1 })).toEqual({
      ok: false,
      errors: [{ path: 'id', message: 'must be a string' }],
    });
    expect([...(contracts.byRoute.get('rest')?.keys() ?? [])]).toEqual([1]);
  });

  it('reports each contract that does not compile with its node and field', () => {
    const contracts = compileFlowContracts(
      flow([
        {
          id: 't',
          kind: 'kafkaTopic',
          config: { topic: 't', contract: { format: 'protobuf', messageType: 'shop.Order' } },
        },
        {
          id: 'rest',
          kind: 'restService',
          config: { routes: [{ path: '/a', contract: { format: 'json-schema', schema: '{"type": 5}' } }] },
        },
      ]),
    );
    expect(contracts.byNode.size).toBe(0);
    expect(contracts.problems).toEqual([
      {
        path: 'nodes[0].config.contract.messageType',
        nodeId: 't',
        field: 'contract.messageType',
        message:
          '"shop.Order" is not defined in the flow\'s .proto files (the .proto files define no messages)',
      },
      {
        path: 'nodes[1].config.routes[0].contract.schema',
        nodeId: 'rest',
        field: 'routes[0].contract.schema',
        message: expect.stringMatching(/^is not a valid JSON Schema: /),
      },
    ]);
  });
});
