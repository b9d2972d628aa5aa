import type { NodeKind } from '@shared/flow/node-kinds';

/** A flow document for tests, built node by node (format 2, positions on a simple grid). */
export interface TestFlow {
  version: 2;
  name: string;
  nodes: Array<{
    id: string;
    kind: NodeKind;
    position: { x: number; y: number };
    config: Record<string, unknown>;
  }>;
  edges: Array<{ id: string; source: string; target: string; sourceHandle?: string; targetHandle?: string }>;
}

export function flowBuilder(name: string): {
  flow: TestFlow;
  node(id: string, kind: NodeKind, config: Record<string, unknown>): string;
  edge(source: string, target: string, handles?: { sourceHandle?: string; targetHandle?: string }): void;
} {
  const flow: TestFlow = { version: 2, name, nodes: [], edges: [] };
  return {
    flow,
    node(id, kind, config) {
      const i = flow.nodes.length;
      flow.nodes.push({
        id,
        kind,
        position: { x: (i % 4) * 300, y: Math.floor(i / 4) * 200 },
        config: { name: id, ...config },
      });
      return id;
    },
    edge(source, target, handles) {
      flow.edges.push({ id: `${source}->${target}-${flow.edges.length}`, source, target, ...handles });
    },
  };
}
