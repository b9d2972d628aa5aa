import {
  FLOW_FORMAT_VERSION,
  type FlowDocument,
  type FlowEdge,
  type FlowNode,
} from '../../src-shared/flow/document';
import { nodeConfigSchemas, type NodeConfigByKind, type NodeKind } from '../../src-shared/flow/node-kinds';

/**
 * A large, realistic flow for the canvas benchmark and the large-flow e2e test: 25
 * bounded contexts of 20 nodes each (500 nodes) and 700 connections, every one allowed
 * by `edge-rules.ts`. The same call always yields the same document, so the app and the
 * bare React Flow page render exactly the same graph.
 */

const DOMAINS = [
  'orders', 'payments', 'inventory', 'shipping', 'billing',
  'catalog', 'search', 'users', 'auth', 'notifications',
  'reviews', 'pricing', 'fraud', 'loyalty', 'returns',
  'analytics', 'recommendations', 'cart', 'checkout', 'warehouse',
  'suppliers', 'invoices', 'support', 'marketing', 'ledger',
] as const; // prettier-ignore

/** Domains per row of the grid; 25 domains make a 5 × 5 grid. */
const GRID_COLUMNS = 5;
/** Column and row pitch inside a domain, and the gap between domains (flow units). */
const COL = 320;
const ROW = 125;
const DOMAIN_W = 3 * COL + 160;
const DOMAIN_H = 7 * ROW + 160;

const PRODUCERS = ['api', 'scheduler', 'importer', 'outbox'];
const TOPICS = ['events', 'changes', 'audit'];
const QUEUES = ['commands', 'retries'];
const CONSUMERS = ['projector', 'indexer', 'notifier', 'archiver', 'auditor', 'reporter'];
const CLIENTS = ['web', 'mobile', 'batch'];
const SERVICES = ['query', 'command'];
/** The one unary method of the default .proto: edges into a gRPC service must name it. */
const METHOD = 'SayHello';

export const LARGE_FLOW_NODES = 500;
export const LARGE_FLOW_EDGES = 700;

/** The benchmark flow: 500 nodes, 700 edges, laid out as a 5 × 5 grid of domains. */
export function largeFlow(): FlowDocument {
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  DOMAINS.forEach((domain, d) => {
    const ox = (d % GRID_COLUMNS) * DOMAIN_W;
    const oy = Math.floor(d / GRID_COLUMNS) * DOMAIN_H;
    const at = (col: number, row: number): { x: number; y: number } => ({
      x: ox + col * COL,
      y: oy + row * ROW,
    });
    const id = (role: string): string => `${domain}-${role}`;

    // Column 0: producers, then gRPC clients; column 1: topics, queues, services; column 2: consumers.
    PRODUCERS.forEach((p, i) => nodes.push(node(id(p), 'producer', at(0, i), { name: `${domain} ${p}` })));
    CLIENTS.forEach((c, i) =>
      nodes.push(node(id(`${c}-client`), 'grpcClient', at(0, 4 + i), { name: `${domain} ${c}` })),
    );
    TOPICS.forEach((t, i) =>
      nodes.push(node(id(t), 'kafkaTopic', at(1, i), { name: `${domain}.${t}`, topic: `${domain}.${t}` })),
    );
    QUEUES.forEach((q, i) =>
      nodes.push(
        node(id(q), 'rabbitQueue', at(1, 3 + i), { name: `${domain} ${q}`, queue: `${domain}-${q}` }),
      ),
    );
    SERVICES.forEach((s, i) =>
      nodes.push(node(id(`${s}-service`), 'grpcService', at(1, 5 + i), { name: `${domain} ${s} service` })),
    );
    CONSUMERS.forEach((c, i) => nodes.push(node(id(c), 'consumer', at(2, i), { name: `${domain} ${c}` })));

    const channels = [...TOPICS, ...QUEUES].map(id);
    // Each producer writes to two neighbouring channels (8 edges)…
    PRODUCERS.forEach((p, i) => {
      edges.push(edge(id(p), channels[i]), edge(id(p), channels[i + 1]));
    });
    // …each consumer reads two channels (12 edges)…
    CONSUMERS.forEach((c, j) => {
      edges.push(edge(channels[j % 5], id(c)), edge(channels[(j + 2) % 5], id(c)));
    });
    // …each client calls both services (6 edges)…
    for (const c of CLIENTS)
      for (const s of SERVICES) edges.push(edge(id(`${c}-client`), id(`${s}-service`), METHOD));
    // …and two integration events reach the next domain to the right and below (2 edges).
    const right = DOMAINS[(d + 1) % DOMAINS.length];
    const below = DOMAINS[(d + GRID_COLUMNS) % DOMAINS.length];
    edges.push(edge(id('api'), `${right}-events`), edge(id('outbox'), `${below}-retries`));
  });
  return { version: FLOW_FORMAT_VERSION, name: 'Large system (500 nodes)', nodes, edges };
}

/** A node with its kind's defaults filled in by the kind's own schema, so it is always valid. */
function node<K extends NodeKind>(
  id: string,
  kind: K,
  position: { x: number; y: number },
  config: Partial<NodeConfigByKind[K]>,
): FlowNode {
  return { id, kind, position, config: nodeConfigSchemas[kind].parse(config) } as FlowNode;
}

function edge(source: string, target: string, targetHandle?: string): FlowEdge {
  const e: FlowEdge = { id: `${source}->${target}`, source, target };
  if (targetHandle) e.targetHandle = targetHandle;
  return e;
}
