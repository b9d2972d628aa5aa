import type { FlowDocument, FlowEdge, FlowNode } from '@shared/flow/document';
import { FLOW_FORMAT_VERSION } from '@shared/flow/document';
import type { NodeKind } from '@shared/flow/node-kinds';
import { validateNodeConfig } from '@shared/flow/parse';

/**
 * Collects the nodes and edges an import makes, with readable unique ids, and the report
 * lines. Every node's config is checked against its kind as it is added: one that does not
 * fit is left out and said so, so an import never yields a flow that does not open.
 */
export class FlowBuilder {
  readonly nodes: FlowNode[] = [];
  readonly edges: FlowEdge[] = [];
  readonly mapped: string[] = [];
  readonly skipped: string[] = [];
  private readonly ids = new Set<string>();

  /** Adds a node; returns its id, or null (reported as skipped) when its config is refused. */
  add(kind: NodeKind, wantedId: string, config: Record<string, unknown>, what: string): string | null {
    const checked = validateNodeConfig(kind, config);
    if (!checked.ok) {
      const why = Object.entries(checked.errors)
        .map(([field, message]) => `${field} ${message}`)
        .join('; ');
      this.skipped.push(`${what}: ${why}`);
      return null;
    }
    const id = this.uniqueId(wantedId);
    this.nodes.push({ id, kind, position: { x: 0, y: 0 }, config: checked.config } as FlowNode);
    return id;
  }

  connect(source: string, target: string, config?: FlowEdge['config']): void {
    const base = `e-${source}-${target}`;
    let id = base;
    for (let n = 2; this.edges.some((e) => e.id === id); n += 1) id = `${base}-${n}`;
    this.edges.push(config ? { id, source, target, config } : { id, source, target });
  }

  build(name: string): FlowDocument {
    return {
      version: FLOW_FORMAT_VERSION,
      name: name.slice(0, 200) || 'Imported flow',
      nodes: this.nodes,
      edges: this.edges,
    };
  }

  private uniqueId(wanted: string): string {
    const base = slug(wanted) || 'node';
    let id = base;
    for (let n = 2; this.ids.has(id); n += 1) id = `${base}-${n}`;
    this.ids.add(id);
    return id;
  }
}

/** Lowercase words joined by dashes, at most 60 characters: `lightTurnOn` → `light-turn-on`. */
export function slug(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** A node name within the 80 characters a name may have. */
export function nodeLabel(text: string): string {
  const t = text.trim();
  return t.length <= 80 ? t : `${t.slice(0, 79)}…`;
}
