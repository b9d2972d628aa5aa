import type { Edge, Node } from '@xyflow/react';
import type { NodeConfigByKind, NodeKind } from '@shared/flow/node-kinds';

/**
 * A canvas node of one kind. `config` is the form's current value: it may be invalid
 * (the inspector keeps what the user typed and shows the error), so the engine and the
 * file format validate it again with the kind's schema.
 */
export type KindNode<K extends NodeKind> = Node<{ config: NodeConfigByKind[K] }, K>;

/** The typed node union React Flow renders. */
export type FlowbenchNode = { [K in NodeKind]: KindNode<K> }[NodeKind];

export type MessagingKind = 'producer' | 'consumer' | 'kafkaTopic' | 'rabbitQueue';
export type ServiceKind = 'grpcService' | 'grpcClient';
export type MessagingFlowNode = { [K in MessagingKind]: KindNode<K> }[MessagingKind];
export type ServiceFlowNode = { [K in ServiceKind]: KindNode<K> }[ServiceKind];

export type FlowbenchEdge = Edge;
