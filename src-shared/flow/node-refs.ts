import { z } from 'zod';
import { nodeConfigSchemas, type NodeConfigByKind, type NodeKind } from './node-kinds';

/** The part of a zod 4 schema's definition the walk reads. */
interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

const isNodeRef = (schema: z.ZodType): boolean => z.globalRegistry.get(schema)?.nodeRef === true;

/**
 * `value` with every string the schema marks as a node reference (`nodeRef` in
 * kinds/common.ts) passed through `rename`; everything else is kept as it is. Values that
 * do not fit the schema (a form still being edited) are left alone rather than refused.
 */
function renameIn(schema: z.ZodType, value: unknown, rename: (name: string) => string): unknown {
  if (isNodeRef(schema)) return typeof value === 'string' ? rename(value) : value;
  const def = defOf(schema);
  switch (def.type) {
    case 'default':
    case 'prefault':
    case 'optional':
    case 'nullable':
    case 'catch':
    case 'readonly':
      return def.innerType ? renameIn(def.innerType, value, rename) : value;
    case 'pipe':
      return def.in ? renameIn(def.in, value, rename) : value;
    case 'object': {
      if (!def.shape || !value || typeof value !== 'object' || Array.isArray(value)) return value;
      const fields = Object.entries(def.shape).map(([key, field]) => [key, field] as const);
      return renameEntries(value as Record<string, unknown>, fields, rename);
    }
    case 'array': {
      if (!Array.isArray(value) || !def.element) return value;
      const element = def.element;
      const out = value.map((item) => renameIn(element, item, rename));
      return out.some((item, i) => item !== value[i]) ? out : value;
    }
    case 'record': {
      if (!def.valueType || !value || typeof value !== 'object' || Array.isArray(value)) return value;
      const valueType = def.valueType;
      return renameEntries(
        value as Record<string, unknown>,
        Object.keys(value).map((key) => [key, valueType] as const),
        rename,
      );
    }
    case 'union': {
      // The option the value is (a behaviour of one kind, say); none fits: nothing to rename.
      const option = def.options?.find((o) => o.safeParse(value).success);
      return option ? renameIn(option, value, rename) : value;
    }
    default:
      return value;
  }
}

/** `value` with the listed fields renamed; the same object when none changed (no re-render). */
function renameEntries(
  value: Record<string, unknown>,
  fields: ReadonlyArray<readonly [string, z.ZodType]>,
  rename: (name: string) => string,
): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [key, field] of fields) {
    if (!(key in value)) continue;
    const next = renameIn(field, value[key], rename);
    if (next !== value[key]) (out ??= { ...value })[key] = next;
  }
  return out ?? value;
}

/**
 * A node's config with its references to other nodes renamed: `renamed` maps old node
 * names to new ones (a paste that had to rename the nodes it copied, say); names not in it
 * are kept.
 */
export function renameNodeRefs<K extends NodeKind>(
  kind: K,
  config: NodeConfigByKind[K],
  renamed: ReadonlyMap<string, string>,
): NodeConfigByKind[K] {
  if (renamed.size === 0) return config;
  // The same config object back when nothing in it names a renamed node.
  const schema = nodeConfigSchemas[kind] as unknown as z.ZodType;
  return renameIn(schema, config, (name) => renamed.get(name) ?? name) as NodeConfigByKind[K];
}
