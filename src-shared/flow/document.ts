import { z } from 'zod';
import { assertionList, type FlowAssertion } from './assertions';
import { edgeConfigSchema } from './edge-config';
import { NODE_KINDS, type NodeConfigByKind, type NodeKind } from './node-kinds';

/**
 * The flow file format version this build writes. Older versions migrate on open
 * (see migrations.ts); version 2 added groups (`parentId`) and edge settings (`config`).
 */
export const FLOW_FORMAT_VERSION = 2;

/** A node position on the canvas (finite numbers). */
export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

/** A node as written in the file; its config is checked against its kind afterwards. */
export const rawNodeSchema = z.object({
  id: z.string().min(1, 'is required').max(100),
  kind: z.enum(NODE_KINDS as [NodeKind, ...NodeKind[]], {
    error: `must be one of ${NODE_KINDS.join(', ')}`,
  }),
  /** Relative to the parent group when `parentId` is set (as React Flow's sub-flows). */
  position: positionSchema.default({ x: 0, y: 0 }),
  /** The group this node sits in; the group comes earlier in `nodes`. */
  parentId: z.string().min(1).max(100).optional(),
  config: z.record(z.string(), z.unknown()).default({}),
});

/** A connection as written in the file. */
export const edgeSchema = z.object({
  id: z.string().min(1, 'is required').max(200),
  source: z.string().min(1, 'is required'),
  target: z.string().min(1, 'is required'),
  /** For routers: the output the edge leaves from. */
  sourceHandle: z.string().nullish(),
  /** For gRPC: the method name on the service. */
  targetHandle: z.string().nullish(),
  /** Binding and policy settings (format 2). */
  config: edgeConfigSchema.optional(),
});

/** The outer shape of a flow file. */
export const rawFlowSchema = z.object({
  version: z.number().int(),
  name: z.string().max(200).default('Untitled flow'),
  nodes: z.array(rawNodeSchema).default([]),
  edges: z.array(edgeSchema).default([]),
  /** What a headless run must show to pass (see assertions.ts); absent in most files. */
  assertions: assertionList.optional(),
});

/** A node whose config has been validated against its kind's schema. */
export type FlowNode<K extends NodeKind = NodeKind> = {
  [P in K]: {
    id: string;
    kind: P;
    position: { x: number; y: number };
    parentId?: string;
    config: NodeConfigByKind[P];
  };
}[K];

/** A connection of a parsed flow. */
export type FlowEdge = z.infer<typeof edgeSchema>;

/** A parsed flow file: nodes list parent groups before their members. */
export interface FlowDocument {
  version: number;
  name: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Checked by `flowbench run`; kept in the order written. */
  assertions?: FlowAssertion[];
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
