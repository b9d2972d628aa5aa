import type { Edge, Node } from '@xyflow/react';
import type { EdgeConfig } from '@shared/flow/edge-config';
import type { NodeConfigByKind, NodeKind } from '@shared/flow/node-kinds';

/**
 * A canvas node of one kind. `config` is the form's current value: it may be invalid
 * (the inspector keeps what the user typed and shows the error), so the engine and the
 * file format validate it again with the kind's schema. Members of a group carry the
 * group's id in `parentId` and a position relative to it (React Flow sub-flows).
 */
export type KindNode<K extends NodeKind> = Node<{ config: NodeConfigByKind[K] }, K>;

/** The typed node union React Flow renders. */
export type FlowbenchNode = { [K in NodeKind]: KindNode<K> }[NodeKind];

/** The node union narrowed to some kinds, for components that draw a few kinds. */
export type NodeOf<K extends NodeKind> = { [P in K]: KindNode<P> }[K];

/** What an edge carries besides its ends: bindings and an attached mesh policy. */
export interface FlowbenchEdgeData extends Record<string, unknown> {
  config?: EdgeConfig;
}

/** The typed edge React Flow renders; settings live in `data.config`. */
export type FlowbenchEdge = Edge<FlowbenchEdgeData>;
