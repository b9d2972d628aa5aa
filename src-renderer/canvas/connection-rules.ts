import { edgeRefusal } from '@shared/flow/edge-rules';
import { NODE_KINDS, type NodeKind } from '@shared/flow/node-kinds';
import type { FlowbenchEdge, FlowbenchNode } from './flow-types';

/** True when some kind may connect to `kind` (so its node draws a target handle). */
export function hasInputs(kind: NodeKind): boolean {
  return NODE_KINDS.some((source) => edgeRefusal(source, kind) === null);
}

/** True when `kind` may connect to some kind (so its node draws a source handle). */
export function hasOutputs(kind: NodeKind): boolean {
  return NODE_KINDS.some((target) => edgeRefusal(kind, target) === null);
}

export interface ConnectionAttempt {
  source: string | null;
  target: string | null;
  targetHandle?: string | null;
}

/**
 * Why this connection must not be made, in a sentence for the user, or null when it may.
 * The shared `edgeRefusal` decides which kinds fit; this adds what only the canvas knows.
 */
export function connectionRefusal(
  conn: ConnectionAttempt,
  nodes: ReadonlyArray<FlowbenchNode>,
  edges: ReadonlyArray<FlowbenchEdge>,
): string | null {
  const source = nodes.find((n) => n.id === conn.source);
  const target = nodes.find((n) => n.id === conn.target);
  if (!source || !target) return 'Both ends of a connection must be nodes';
  if (source.id === target.id) return 'A node cannot connect to itself';
  const reason = edgeRefusal(source.type, target.type);
  if (reason) return reason;
  if (target.type === 'grpcService' && !conn.targetHandle) {
    return 'Drop the connection on one of the service’s methods';
  }
  const duplicate = edges.some(
    (e) =>
      e.source === source.id &&
      e.target === target.id &&
      (e.targetHandle ?? null) === (conn.targetHandle ?? null),
  );
  return duplicate ? 'These nodes are already connected' : null;
}
