import {
  edgeRefusal,
  hasInputs as kindHasInputs,
  hasOutputs as kindHasOutputs,
  needsMethod,
} from '@shared/flow/edge-rules';
import type { NodeKind } from '@shared/flow/node-kinds';
import type { FlowbenchEdge, FlowbenchNode } from './flow-types';

/** True when some kind may connect to `kind` (so its node draws an input handle). */
export function hasInputs(kind: NodeKind): boolean {
  return kindHasInputs(kind);
}

/** True when `kind` may connect to some kind (so its node draws an output handle). */
export function hasOutputs(kind: NodeKind): boolean {
  return kindHasOutputs(kind);
}

/** A connection being made: its ends and, where they matter, its handles. */
export interface ConnectionAttempt {
  source: string | null;
  target: string | null;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

/**
 * Why this connection must not be made, in a sentence for the user, or null when it may.
 * The shared `edgeRefusal` decides which kinds fit; this adds what only the canvas knows:
 * handles (a gRPC method, a router output) and connections that already exist.
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
  if (needsMethod(source.type, target.type) && !conn.targetHandle) {
    return 'Drop the connection on one of the service’s methods';
  }
  if (source.type === 'router' && !conn.sourceHandle) {
    return 'Start the connection from one of the router’s outputs';
  }
  const duplicate = edges.some(
    (e) =>
      e.source === source.id &&
      e.target === target.id &&
      (e.sourceHandle ?? null) === (conn.sourceHandle ?? null) &&
      (e.targetHandle ?? null) === (conn.targetHandle ?? null),
  );
  return duplicate ? 'These nodes are already connected' : null;
}
