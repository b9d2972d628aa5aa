import type { NodeTypes } from '@xyflow/react';
import type { NodeKind } from '@shared/flow/node-kinds';
import { GroupNode } from './GroupNode';
import { NoteNode } from './NoteNode';
import { RouterNode } from './RouterNode';
import { ServiceNode } from './ServiceNode';
import { StandardNode } from './StandardNode';

const standard = StandardNode as NodeTypes[string];

/** One component per kind family; defined at module scope so React Flow never remounts nodes. */
export const nodeTypes: Record<NodeKind, NodeTypes[string]> = {
  producer: standard,
  consumer: standard,
  kafkaTopic: standard,
  rabbitExchange: standard,
  rabbitQueue: standard,
  restService: standard,
  restClient: standard,
  grpcService: ServiceNode as NodeTypes[string],
  grpcClient: ServiceNode as NodeTypes[string],
  graphqlService: standard,
  graphqlClient: standard,
  apiGateway: standard,
  sagaOrchestrator: standard,
  eventStore: standard,
  projection: standard,
  meshPolicy: standard,
  router: RouterNode as NodeTypes[string],
  filter: standard,
  timer: standard,
  sink: standard,
  group: GroupNode as NodeTypes[string],
  note: NoteNode as NodeTypes[string],
};
