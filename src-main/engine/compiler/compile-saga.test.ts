import { describe, expect, it } from 'vitest';
import { compileFlow } from './compile-flow';

const PROTO = `syntax = "proto3";
package shop;
service Payments {
  rpc Charge (Req) returns (Rep);
  rpc Watch (Req) returns (stream Rep);
}
message Req { string sagaId = 1; }
message Rep { string status = 1; }
`;

function sagaFlow(steps: unknown[]): unknown {
  return {
    version: 2,
    name: 'saga',
    nodes: [
      { id: 'tick', kind: 'timer', config: { name: 'tick', count: 1 } },
      { id: 'saga', kind: 'sagaOrchestrator', config: { name: 'saga', steps } },
      { id: 'inventory', kind: 'restService', config: { name: 'inventory', port: 18999 } },
      {
        id: 'payments',
        kind: 'grpcService',
        config: { name: 'payments', proto: PROTO, service: 'shop.Payments', responses: {} },
      },
      { id: 'elsewhere', kind: 'restService', config: { name: 'elsewhere', port: 18998 } },
    ],
    edges: [
      { id: 'e1', source: 'tick', target: 'saga' },
      { id: 'e2', source: 'saga', target: 'inventory' },
      { id: 'e3', source: 'saga', target: 'payments' },
    ],
  };
}

describe('compiling saga orchestrators', () => {
  it('resolves REST routes and unary gRPC methods of connected services', () => {
    const res = compileFlow(
      sagaFlow([
        {
          name: 'reserve',
          target: 'inventory',
          action: 'post /reservations',
          compensation: 'DELETE /reservations/{{saga.id}}',
        },
        { name: 'charge', target: 'payments', action: 'Charge', compensation: '' },
      ]),
    );
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    const [saga] = res.compiled.sagas;
    expect(saga.steps.map((s) => [s.action.label, s.compensation?.label ?? null])).toEqual([
      ['inventory POST /reservations', 'inventory DELETE /reservations/{{saga.id}}'],
      ['payments Charge', null],
    ]);
  });

  it('names the field of each step it cannot resolve', () => {
    const res = compileFlow(
      sagaFlow([
        { name: 'a', target: 'elsewhere', action: 'POST /x', compensation: '' },
        { name: 'b', target: 'inventory', action: '/reservations', compensation: '' },
        { name: 'c', target: 'payments', action: 'Refund', compensation: 'Watch' },
      ]),
    );
    if (res.ok) throw new Error('expected problems');
    const fields = res.problems.filter((p) => p.nodeId === 'saga').map((p) => [p.field, p.message]);
    expect(fields).toEqual([
      ['steps[0].target', 'must name a REST or gRPC service the saga is connected to'],
      ['steps[1].action', 'must be an HTTP method and a path on "inventory", e.g. POST /reservations'],
      ['steps[2].action', 'must be a method of shop.Payments (it has Charge, Watch)'],
      ['steps[2].compensation', 'Watch streams; a saga step calls unary methods'],
    ]);
  });

  it('needs at least one step', () => {
    const res = compileFlow(sagaFlow([]));
    if (res.ok) throw new Error('expected problems');
    expect(res.problems.find((p) => p.nodeId === 'saga')?.field).toBe('steps');
  });
});
