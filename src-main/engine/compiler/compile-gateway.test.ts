import { describe, expect, it } from 'vitest';
import { compileFlow } from './compile-flow';

const GREETER = `syntax = "proto3";
package hello;
service Greeter {
  rpc SayHello (HelloRequest) returns (HelloReply);
  rpc Chat (stream HelloRequest) returns (stream HelloReply);
}
message HelloRequest { string name = 1; }
message HelloReply { string message = 1; }
`;

function flow(routes: unknown[], extra: unknown[] = []): unknown {
  return {
    version: 2,
    name: 'gw',
    nodes: [
      { id: 'gw', kind: 'apiGateway', position: { x: 0, y: 0 }, config: { name: 'gw', routes } },
      { id: 'orders', kind: 'restService', position: { x: 0, y: 0 }, config: { name: 'orders' } },
      {
        id: 'greeter',
        kind: 'grpcService',
        position: { x: 0, y: 0 },
        config: { name: 'greeter', proto: GREETER, service: 'hello.Greeter' },
      },
      { id: 'lonely', kind: 'restService', position: { x: 0, y: 0 }, config: { name: 'lonely', port: 9001 } },
      ...extra,
    ],
    edges: [
      { id: 'e1', source: 'gw', target: 'orders' },
      { id: 'e2', source: 'gw', target: 'greeter' },
    ],
  };
}

describe('compileFlow: API gateways and mesh policies', () => {
  it('resolves each route to its connected service and edge', () => {
    const res = compileFlow(
      flow([
        { pathPrefix: '/orders', target: 'orders', transform: '{"id": "{{body.id}}"}' },
        { pathPrefix: '/greet', target: 'greeter', grpcMethod: 'SayHello' },
      ]),
    );
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    const routes = res.compiled.apiGateways[0].routes;
    expect(routes.map((r) => [r.targetId, r.edgeId, r.targetKind])).toEqual([
      ['orders', 'e1', 'restService'],
      ['greeter', 'e2', 'grpcService'],
    ]);
    expect(routes[0].transform?.render(1, { body: { id: 7 } })).toBe('{"id": "7"}');
  });

  it('names the route field of a target that is not connected, and of a gRPC method that is not unary', () => {
    const res = compileFlow(
      flow([
        { pathPrefix: '/x', target: 'lonely' },
        { pathPrefix: '/chat', target: 'greeter', grpcMethod: 'Chat' },
        { pathPrefix: '/nope', target: 'greeter', grpcMethod: 'Nope' },
      ]),
    );
    if (res.ok) throw new Error('expected problems');
    expect(res.problems.map((p) => [p.path, p.message])).toEqual([
      [
        'nodes[0].config.routes[0].target',
        '"lonely" is not a service connected to this gateway (connected: "orders", "greeter")',
      ],
      ['nodes[0].config.routes[1].grpcMethod', 'Chat streams; a gateway route calls unary methods only'],
      ['nodes[0].config.routes[2].grpcMethod', 'must name a unary method of "greeter" (SayHello)'],
    ]);
  });

  it('names a traffic split share that is not a service of the flow', () => {
    const policy = {
      id: 'p',
      kind: 'meshPolicy',
      position: { x: 0, y: 0 },
      config: {
        name: 'p',
        trafficSplit: [
          { target: 'orders', weight: 90 },
          { target: 'ghost', weight: 10 },
        ],
      },
    };
    const res = compileFlow(flow([{ pathPrefix: '/orders', target: 'orders' }], [policy]));
    if (res.ok) throw new Error('expected problems');
    expect(res.problems).toEqual([
      expect.objectContaining({
        path: 'nodes[4].config.trafficSplit[1].target',
        message: '"ghost" is not a service of this flow',
      }),
    ]);
  });

  it('refuses mTLS on a GraphQL service or a gateway instead of running it in plaintext', () => {
    const res = compileFlow({
      version: 2,
      name: 'm',
      nodes: [
        { id: 'g', kind: 'graphqlService', position: { x: 0, y: 0 }, config: { name: 'users' } },
        { id: 'p', kind: 'meshPolicy', position: { x: 0, y: 0 }, config: { name: 'p', mtls: true } },
      ],
      edges: [{ id: 'e', source: 'p', target: 'g' }],
    });
    if (res.ok) throw new Error('expected problems');
    expect(res.problems).toEqual([
      expect.objectContaining({
        path: 'nodes[1].config.mtls',
        message: 'mutual TLS runs between REST and gRPC services for now, not for "users"',
      }),
    ]);
  });
});
