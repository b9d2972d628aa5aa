/** A JSON Schema object as AsyncAPI carries it. */
export type JsonSchema = Record<string, unknown>;

/**
 * A JSON Schema describing `value`: types, object properties (all present ones required),
 * array items from the first element. Enough for a reader of the document to see the shape.
 */
export function inferSchema(value: unknown, depth = 0): JsonSchema {
  if (depth > 20) return {};
  if (value === null) return { type: 'null' };
  if (Array.isArray(value))
    return value.length > 0 ? { type: 'array', items: inferSchema(value[0], depth + 1) } : { type: 'array' };
  switch (typeof value) {
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return { type: Number.isInteger(value) ? 'integer' : 'number' };
    case 'string':
      return { type: 'string' };
    case 'object': {
      const entries = Object.entries(value as Record<string, unknown>);
      return {
        type: 'object',
        properties: Object.fromEntries(entries.map(([k, v]) => [k, inferSchema(v, depth + 1)])),
        ...(entries.length > 0 ? { required: entries.map(([k]) => k) } : {}),
      };
    }
    default:
      return {};
  }
}

/**
 * A payload template (JSON with `{{…}}` expressions) turned into one example value: an
 * expression inside a string stays text, one outside a string stands for a number, as the
 * engine renders `{{seq}}`. Null when the template is not JSON once rendered so.
 */
export function exampleFromTemplate(template: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if (ch === '\\' && inString) {
      out += template.slice(i, i + 2);
      i++;
      continue;
    }
    if (ch === '"') inString = !inString;
    if (ch === '{' && template[i + 1] === '{') {
      const end = template.indexOf('}}', i + 2);
      if (end < 0) return null;
      out += inString ? 'text' : '0';
      i = end + 1;
      continue;
    }
    out += ch;
  }
  try {
    return JSON.parse(out) as unknown;
  } catch {
    return null;
  }
}
