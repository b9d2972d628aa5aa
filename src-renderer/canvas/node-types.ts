import type { NodeTypes } from '@xyflow/react';
import type { NodeKind } from '@shared/flow/node-kinds';
import { MessagingNode } from './MessagingNode';
import { ServiceNode } from './ServiceNode';

/** One component per kind family; defined at module scope so React Flow never remounts nodes. */
export const nodeTypes: Record<NodeKind, NodeTypes[string]> = {
  producer: MessagingNode as NodeTypes[string],
  consumer: MessagingNode as NodeTypes[string],
  kafkaTopic: MessagingNode as NodeTypes[string],
  rabbitQueue: MessagingNode as NodeTypes[string],
  grpcService: ServiceNode as NodeTypes[string],
  grpcClient: ServiceNode as NodeTypes[string],
};
