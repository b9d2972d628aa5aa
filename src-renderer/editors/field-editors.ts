/** Which code editor a config field gets, by its key (or its map's key for `responses.*`). */
export type EditorKind = 'template' | 'proto' | 'graphql';

// JSON message templates: the preview renders them with the engine's template engine.
const TEMPLATE_KEYS = new Set([
  'payload',
  'request',
  'body',
  'variables',
  'response',
  'responses',
  'resolvers',
]);
const PROTO_KEYS = new Set(['proto', 'imports']);
const GRAPHQL_KEYS = new Set(['schema', 'sdl', 'query']);

/**
 * The editor for a field: `payload`, `request`, `body`, `responses.*`… are templates;
 * `proto` (and imported .proto files) are checked by protobufjs; `schema`/`sdl`/`query`
 * by graphql-js. A map entry (`responses.SayHello`) goes by its map's key, a list item's
 * field (`routes[0].response`) by its own. Null means a plain field.
 */
export function editorKindFor(fieldPath: string): EditorKind | null {
  const parts = fieldPath.split(/[.[\]]+/).filter(Boolean);
  const key = fieldPath.includes('[') ? parts[parts.length - 1] : parts[0];
  // An injected fault's error body is sent as written, not rendered as a template.
  if (key === undefined || parts.includes('error')) return null;
  if (TEMPLATE_KEYS.has(key)) return 'template';
  if (PROTO_KEYS.has(key)) return 'proto';
  if (GRAPHQL_KEYS.has(key)) return 'graphql';
  return null;
}
