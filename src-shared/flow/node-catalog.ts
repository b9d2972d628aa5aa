import type { NodeKind } from './node-kinds';

/** What the palette and inspector show for each kind. */
export interface NodeKindInfo {
  kind: NodeKind;
  label: string;
  family: 'Messaging' | 'Services';
  description: string;
  /** Accent colour of the node on the canvas. */
  color: string;
  /** Short glyph shown as the node's icon. */
  icon: string;
  /** Fields a user must fill in before the node is valid, with starter values for the palette. */
  starter: Record<string, unknown>;
}

export const NODE_CATALOG: Record<NodeKind, NodeKindInfo> = {
  producer: {
    kind: 'producer',
    label: 'Producer',
    family: 'Messaging',
    description: 'Sends templated JSON messages at a rate',
    color: '#3b82f6',
    icon: '↗',
    starter: {},
  },
  consumer: {
    kind: 'consumer',
    label: 'Consumer',
    family: 'Messaging',
    description: 'Receives and acknowledges messages (a group of N members)',
    color: '#10b981',
    icon: '↘',
    starter: {},
  },
  kafkaTopic: {
    kind: 'kafkaTopic',
    label: 'Kafka topic',
    family: 'Messaging',
    description: 'Partitioned, replayable log; consumer groups share partitions',
    color: '#f59e0b',
    icon: '≣',
    starter: { topic: 'events' },
  },
  rabbitQueue: {
    kind: 'rabbitQueue',
    label: 'RabbitMQ queue',
    family: 'Messaging',
    description: 'Point-to-point queue with acks (default exchange)',
    color: '#f97316',
    icon: '▤',
    starter: { queue: 'work' },
  },
  grpcService: {
    kind: 'grpcService',
    label: 'gRPC service',
    family: 'Services',
    description: 'Serves the unary methods of a .proto with response templates',
    color: '#8b5cf6',
    icon: '◈',
    starter: {},
  },
  grpcClient: {
    kind: 'grpcClient',
    label: 'gRPC client',
    family: 'Services',
    description: 'Calls a service method at a rate, with a deadline',
    color: '#ec4899',
    icon: '⇄',
    starter: {},
  },
};
