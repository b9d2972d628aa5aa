import { FLOW_FORMAT_VERSION } from './document';

type RawDoc = Record<string, unknown>;
type Migration = (doc: RawDoc) => RawDoc;

/**
 * Format 1 → 2.
 * - A consumer's empty `group` meant "the node's name", so renaming the node silently
 *   moved it to a new Kafka group (and it re-read the topic from its start). Format 2
 *   writes the group id out, so the id the broker sees is in the file and stays put.
 * - Edges drop null handles (format 1 allowed `"targetHandle": null`); format 2 omits
 *   what is unset, so files diff cleanly.
 * Groups (`parentId`) and edge settings (`config`) are new in format 2: nothing to move.
 */
function v1ToV2(doc: RawDoc): RawDoc {
  const nodes = Array.isArray(doc.nodes) ? doc.nodes.map(explicitGroup) : doc.nodes;
  const edges = Array.isArray(doc.edges) ? doc.edges.map(dropNullHandles) : doc.edges;
  return { ...doc, nodes, edges };
}

function explicitGroup(node: unknown): unknown {
  if (!isObject(node) || node.kind !== 'consumer' || !isObject(node.config)) return node;
  const { group, name } = node.config;
  if ((group === undefined || group === '') && typeof name === 'string' && name.trim() !== '') {
    return { ...node, config: { ...node.config, group: name.trim() } };
  }
  if (group === undefined && name === undefined) {
    // The schema default name was the group in format 1.
    return { ...node, config: { ...node.config, group: 'consumer' } };
  }
  return node;
}

function dropNullHandles(edge: unknown): unknown {
  if (!isObject(edge)) return edge;
  const out = { ...edge };
  if (out.sourceHandle === null) delete out.sourceHandle;
  if (out.targetHandle === null) delete out.targetHandle;
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Migrations from version N to N+1, keyed by N. Old files open, and save in the new format. */
const MIGRATIONS: Record<number, Migration> = { 1: v1ToV2 };

/** Brings a raw document up to the current version, or throws when it cannot. */
export function migrateFlow(doc: RawDoc): RawDoc {
  let current = doc;
  let version = current.version as number;
  while (version < FLOW_FORMAT_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`no migration from flow format version ${version}`);
    current = { ...step(current), version: version + 1 };
    version += 1;
  }
  return current;
}
