import { z } from 'zod';
import { NODE_KINDS, type NodeConfigByKind, type NodeKind } from './node-kinds';

/** The flow file format version this build writes. Older versions migrate on open. */
export const FLOW_FORMAT_VERSION = 1;

export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

export const rawNodeSchema = z.object({
  id: z.string().min(1, 'is required').max(100),
  kind: z.enum(NODE_KINDS as [NodeKind, ...NodeKind[]], {
    error: `must be one of ${NODE_KINDS.join(', ')}`,
  }),
  position: positionSchema.default({ x: 0, y: 0 }),
  config: z.record(z.string(), z.unknown()).default({}),
});

export const edgeSchema = z.object({
  id: z.string().min(1, 'is required').max(200),
  source: z.string().min(1, 'is required'),
  target: z.string().min(1, 'is required'),
  sourceHandle: z.string().nullish(),
  /** For gRPC: the method name on the service. */
  targetHandle: z.string().nullish(),
});

export const rawFlowSchema = z.object({
  version: z.number().int(),
  name: z.string().max(200).default('Untitled flow'),
  nodes: z.array(rawNodeSchema).default([]),
  edges: z.array(edgeSchema).default([]),
});

/** A node whose config has been validated against its kind's schema. */
export type FlowNode<K extends NodeKind = NodeKind> = {
  [P in K]: {
    id: string;
    kind: P;
    position: { x: number; y: number };
    config: NodeConfigByKind[P];
  };
}[K];

export type FlowEdge = z.infer<typeof edgeSchema>;

export interface FlowDocument {
  version: number;
  name: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** One problem found in a flow, always locatable: JSON path, and the node or edge when known. */
export interface FlowProblem {
  /** JSON path such as `nodes[3].config.topic`. */
  path: string;
  nodeId?: string;
  edgeId?: string;
  /** Field inside the node's config, when the problem is about one. */
  field?: string;
  message: string;
}
