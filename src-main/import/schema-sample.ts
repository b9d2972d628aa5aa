/**
 * Message schemas from imported documents, made into what a flow holds: a JSON Schema
 * contract (plain JSON, no parser annotations, no cycles) and a payload template that renders
 * to JSON matching it (an example when the document has one, else placeholders per type).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = Record<string, unknown>;

const MAX_DEPTH = 8;

/**
 * A plain JSON copy of a resolved schema: parser extensions (`x-parser-…`) dropped, and a
 * schema that contains itself (recursive types) cut to `{}` at the repeat.
 */
export function plainSchema(schema: unknown, seen: Set<unknown> = new Set()): Json {
  if (schema === null || typeof schema !== 'object') return (schema ?? null) as Json;
  if (seen.has(schema)) return {};
  seen.add(schema);
  try {
    if (Array.isArray(schema)) return schema.map((s) => plainSchema(s, seen));
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(schema as Schema)) {
      if (k.startsWith('x-parser-') || v === undefined || typeof v === 'function') continue;
      out[k] = plainSchema(v, seen);
    }
    return out;
  } finally {
    seen.delete(schema);
  }
}

/** A template (our `{{…}}` expressions) whose rendering is JSON valid against `schema`. */
export function templateFromSchema(schema: Json): string {
  return write(schema, 0, '');
}

/** A document's example payload as template text (literal JSON, pretty). */
export function templateFromExample(example: unknown): string {
  return JSON.stringify(example, null, 2);
}

function write(schema: Json, depth: number, indent: string): string {
  if (!isSchema(schema) || depth > MAX_DEPTH) return 'null';
  const fixed = exampleOf(schema);
  if (fixed !== undefined) return JSON.stringify(fixed);
  const variants = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
  if (Array.isArray(variants) && variants.length > 0) return write(variants[0], depth + 1, indent);
  if (Array.isArray(schema.allOf)) {
    const merged: Record<string, Json> = {};
    for (const part of schema.allOf)
      if (isSchema(part) && isSchema(part.properties)) Object.assign(merged, part.properties);
    return write({ type: 'object', properties: merged }, depth + 1, indent);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return writeObject(schema, depth, indent);
    case 'array': {
      const item = write((schema.items ?? {}) as Json, depth + 1, indent);
      return `[${item}]`;
    }
    case 'integer':
    case 'number':
      return numberPlaceholder(schema, type);
    case 'boolean':
      return 'true';
    case 'string':
      return stringPlaceholder(schema);
    case 'null':
      return 'null';
    default:
      return isSchema(schema.properties) ? writeObject(schema, depth, indent) : '"{{uuid}}"';
  }
}

function writeObject(schema: Record<string, Json>, depth: number, indent: string): string {
  const props = isSchema(schema.properties) ? Object.entries(schema.properties) : [];
  if (props.length === 0) return '{}';
  const inner = `${indent}  `;
  const lines = props.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, depth + 1, inner)}`);
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

function numberPlaceholder(schema: Record<string, Json>, type: 'integer' | 'number'): string {
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  if (min === undefined && max === undefined) return '{{seq}}';
  const range = JSON.stringify({ min: min ?? 0, max: max ?? (min ?? 0) + 1000 });
  return `{{faker.number.${type === 'integer' ? 'int' : 'float'}(${range})}}`;
}

function stringPlaceholder(schema: Record<string, Json>): string {
  if (schema.format === 'date-time') return '"{{now}}"';
  if (schema.format === 'uuid') return '"{{uuid}}"';
  return '"{{faker.person.firstName}}"';
}

/** A value the schema itself offers: const, first enum value, example(s), default. */
function exampleOf(schema: Record<string, Json>): Json | undefined {
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  return undefined;
}

function isSchema(v: Json | undefined): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
