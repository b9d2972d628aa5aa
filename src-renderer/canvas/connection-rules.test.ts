import { describe, expect, it } from 'vitest';
import type { NodeKind } from '@shared/flow/node-kinds';
import { connectionRefusal } from './connection-rules';
import type { FlowbenchEdge, FlowbenchNode } from './flow-types';
import { createNode } from './new-node';

const nodes: FlowbenchNode[] = (
  [
    ['client', 'grpcClient'],
    ['svc', 'grpcService'],
    ['gw', 'apiGateway'],
    ['router', 'router'],
    ['queue', 'rabbitQueue'],
    ['sink', 'sink'],
  ] as Array<[string, NodeKind]>
).map(([id, kind]) => ({ ...createNode(kind, { x: 0, y: 0 }, []), id }));

const edges: FlowbenchEdge[] = [{ id: 'e', source: 'router', target: 'queue', sourceHandle: 'matched' }];

describe('connectionRefusal', () => {
  it.each([
    [{ source: 'client', target: 'svc', targetHandle: 'SayHello' }, null],
    [{ source: 'client', target: 'svc' }, 'Drop the connection on one of the service’s methods'],
    [{ source: 'gw', target: 'svc' }, null],
    [{ source: 'router', target: 'sink', sourceHandle: 'else' }, null],
    [{ source: 'router', target: 'sink' }, 'Start the connection from one of the router’s outputs'],
    [{ source: 'router', target: 'queue', sourceHandle: 'matched' }, 'These nodes are already connected'],
    [{ source: 'router', target: 'queue', sourceHandle: 'else' }, null],
    [{ source: 'sink', target: 'sink' }, 'A node cannot connect to itself'],
    [{ source: 'sink', target: 'queue' }, 'A sink has no outputs: it can only be a target'],
    [{ source: 'nope', target: 'queue' }, 'Both ends of a connection must be nodes'],
  ])('%o → %s', (conn, reason) => {
    expect(connectionRefusal(conn, nodes, edges)).toBe(reason);
  });
});
