import { describe, expect, it } from 'vitest';
import { emptyCounters, type NodeCounters } from '@shared/run/counters';
import { callRows, formatBytes } from './call-comparison';

const counters = (over: Partial<NodeCounters>): NodeCounters => ({ ...emptyCounters(), ...over });

describe('call comparison', () => {
  it('lists measuring clients smallest exchange first', () => {
    const rows = callRows(
      [
        { id: 'r', kind: 'restClient', name: 'rest-caller' },
        { id: 'g', kind: 'grpcClient', name: 'grpc-caller' },
        { id: 's', kind: 'restService', name: 'orders' },
        { id: 'q', kind: 'graphqlClient', name: '' },
      ],
      {
        r: counters({ sent: 10, received: 10, bytesOut: 0, bytesIn: 3000, p50Ms: 2 }),
        g: counters({ sent: 10, received: 10, bytesOut: 20, bytesIn: 1380 }),
        s: counters({ sent: 10, received: 10, bytesIn: 1 }),
        q: counters({ sent: 0, received: 0, bytesOut: 0 }),
      },
    );
    expect(rows.map((r) => [r.name, r.protocol, r.bytesPerRequest, r.bytesPerReply])).toEqual([
      ['grpc-caller', 'gRPC · protobuf', 2, 138],
      ['rest-caller', 'REST · JSON', 0, 300],
      ['q', 'GraphQL · JSON', null, null],
    ]);
    expect(rows[1].p50Ms).toBe(2);
  });

  it("counts a GraphQL service's upstream bytes per query it answered", () => {
    const [row] = callRows([{ id: 'api', kind: 'graphqlService', name: 'api' }], {
      api: counters({ sent: 3, received: 4, bytesOut: 0, bytesIn: 10_000 }),
    });
    expect(row).toMatchObject({ requests: 4, replies: 4, bytesPerRequest: 0, bytesPerReply: 2500 });
  });

  it('leaves out clients that measured nothing yet', () => {
    expect(callRows([{ id: 'r', kind: 'restClient', name: 'r' }], { r: counters({ sent: 3 }) })).toEqual([]);
  });

  it('formats byte sizes', () => {
    expect([0, 139.4, 1234, 3_400_000, null].map(formatBytes)).toEqual([
      '0 B',
      '139 B',
      '1.2 kB',
      '3.4 MB',
      '–',
    ]);
  });
});
