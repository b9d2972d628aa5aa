import { LineCounter, parseDocument } from 'yaml';
import type { ImportError, ImportResult } from '@shared/api/import-requests';
import { HTTP_METHODS } from '@shared/flow/kinds/common';
import { locateIn } from '../engine/schema/path-position';
import { FlowBuilder, nodeLabel } from './flow-builder';
import { finishImport } from './finish-import';
import { plainSchema, templateFromExample, templateFromSchema } from './schema-sample';

type Obj = Record<string, unknown>;
const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * OpenAPI 3.x (YAML or JSON) → one REST service node with a route per operation: `{param}`
 * path segments become `:param`, the first 2xx response gives the status and (from its JSON
 * example or schema) the response template, a JSON request body schema the route's contract.
 */
export async function importOpenApi(text: string): Promise<ImportResult> {
  const read = readDocument(text);
  if ('error' in read) return { ok: false, error: read.error };
  const doc = read.doc;
  const at = (path: Array<string | number>, message: string): ImportResult => {
    const pos = locateIn(text).positionOf(path);
    return { ok: false, error: { message, path: path.join('.'), ...(pos ?? {}) } };
  };
  if (typeof doc.openapi !== 'string' || !/^3\./.test(doc.openapi)) {
    return at(['openapi'], `is ${JSON.stringify(doc.openapi ?? null)}: only OpenAPI 3.x documents are read`);
  }
  if (!isObj(doc.paths)) return at(['paths'], 'is missing or not an object of paths');
  const info = isObj(doc.info) ? doc.info : {};
  const title = typeof info.title === 'string' ? info.title : 'REST API';

  const b = new FlowBuilder();
  const routes: Obj[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!isObj(item)) return at(['paths', path], 'must be an object of operations');
    for (const key of OPERATION_KEYS) {
      const op = item[key];
      if (!isObj(op)) continue;
      const method = key.toUpperCase();
      const label = `${method} ${path}`;
      if (!(HTTP_METHODS as readonly string[]).includes(method)) {
        b.skipped.push(`${label}: ${method} routes are not served (${HTTP_METHODS.join(', ')} are)`);
        continue;
      }
      const route = routeOf(doc, path, method, op);
      routes.push(route.config);
      b.mapped.push(
        `${label}${typeof op.operationId === 'string' ? ` (${op.operationId})` : ''} → route ${method} ${String(route.config.path)}, status ${String(route.config.status)}${route.notes}`,
      );
    }
  }
  if (isObj(doc.webhooks) && Object.keys(doc.webhooks).length > 0) b.skipped.push('webhooks: not mapped');
  const base = basePath(doc);
  if (base) b.skipped.push(`server base path ${base}: routes are served without it`);
  if (doc.security !== undefined || isObj((doc.components as Obj | undefined)?.securitySchemes)) {
    b.skipped.push('security schemes: not enforced by the REST service node');
  }
  const config = { name: nodeLabel(title), port: portOf(doc), routes };
  const id = b.add('restService', title, config, `service "${title}"`);
  if (id) b.mapped.unshift(`"${title}" → REST service node "${id}" with ${routes.length} routes`);
  return finishImport(b, title, { format: 'openapi', source: `OpenAPI ${doc.openapi} "${title}"` });
}

function readDocument(text: string): { doc: Obj } | { error: ImportError } {
  const lineCounter = new LineCounter();
  const parsed = parseDocument(text, { lineCounter, uniqueKeys: false });
  const first = parsed.errors[0];
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    return { error: { message: first.message.split('\n')[0], line, column: col } };
  }
  const doc: unknown = parsed.toJS({ maxAliasCount: 1000 });
  if (!isObj(doc))
    return { error: { message: 'the document is not a YAML or JSON object', line: 1, column: 1 } };
  return { doc };
}

function routeOf(doc: Obj, path: string, method: string, op: Obj): { config: Obj; notes: string } {
  const notes: string[] = [];
  const responses = isObj(op.responses) ? op.responses : {};
  const code =
    Object.keys(responses).find((c) => /^2\d\d$/.test(c)) ??
    Object.keys(responses).find((c) => /^\d{3}$/.test(c));
  const status = code ? Number(code) : 200;
  const config: Obj = { method, path: path.replace(/\{([^}]+)\}/g, ':$1'), status };
  const response = code ? resolve(doc, responses[code]) : undefined;
  const media = isObj(response) && isObj(response.content) ? jsonMedia(response.content) : undefined;
  if (media) config.response = mediaTemplate(doc, media);
  else config.response = status === 204 || !media ? '' : '{}';
  const body = resolve(doc, op.requestBody);
  const bodyMedia = isObj(body) && isObj(body.content) ? jsonMedia(body.content) : undefined;
  const bodySchema = bodyMedia ? resolveDeep(doc, bodyMedia.schema) : undefined;
  if (bodySchema !== undefined) {
    config.contract = { format: 'json-schema', schema: JSON.stringify(plainSchema(bodySchema), null, 2) };
    notes.push('request body contract');
  }
  if (
    Array.isArray(op.parameters) &&
    op.parameters.some((p) => isObj(resolve(doc, p)) && (resolve(doc, p) as Obj).in === 'query')
  ) {
    notes.push('query parameters accepted, not checked');
  }
  return { config, notes: notes.length > 0 ? ` (${notes.join('; ')})` : '' };
}

function mediaTemplate(doc: Obj, media: Obj): string {
  if (media.example !== undefined) return templateFromExample(media.example);
  if (isObj(media.examples)) {
    const first = resolve(doc, Object.values(media.examples)[0]);
    if (isObj(first) && first.value !== undefined) return templateFromExample(first.value);
  }
  const schema = resolveDeep(doc, media.schema);
  return schema === undefined ? '{}' : templateFromSchema(plainSchema(schema));
}

function jsonMedia(content: Obj): Obj | undefined {
  const key = Object.keys(content).find((k) => /json/i.test(k));
  const media = key ? content[key] : undefined;
  return isObj(media) ? media : undefined;
}

/** Follows one local `$ref` (`#/components/…`). */
function resolve(doc: Obj, value: unknown): unknown {
  let cur = value;
  for (let hops = 0; hops < 20 && isObj(cur) && typeof cur.$ref === 'string'; hops += 1) {
    cur = pointer(doc, cur.$ref);
  }
  return cur;
}

/** A schema with every local `$ref` inlined; a reference to a schema being inlined becomes `{}`. */
function resolveDeep(doc: Obj, value: unknown, open: Set<string> = new Set()): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveDeep(doc, v, open));
  if (!isObj(value)) return value;
  if (typeof value.$ref === 'string') {
    const ref = value.$ref;
    if (open.has(ref)) return {};
    open.add(ref);
    const out = resolveDeep(doc, pointer(doc, ref), open);
    open.delete(ref);
    return out;
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDeep(doc, v, open)]));
}

function pointer(doc: Obj, ref: string): unknown {
  if (!ref.startsWith('#/')) return {};
  let cur: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = isObj(cur) ? cur[key] : undefined;
  }
  return cur ?? {};
}

/** The path part of the first server URL (`/v1`), if any. */
function basePath(doc: Obj): string | null {
  const url = Array.isArray(doc.servers) && isObj(doc.servers[0]) ? doc.servers[0].url : undefined;
  const m = typeof url === 'string' ? /^[a-z]+:\/\/[^/]+(\/.+?)\/?$/i.exec(url) : null;
  return m ? m[1] : null;
}

/** The port of the first server URL, when it names one; else 8080. */
function portOf(doc: Obj): number {
  const url = Array.isArray(doc.servers) && isObj(doc.servers[0]) ? doc.servers[0].url : undefined;
  const m = typeof url === 'string' ? /^[a-z]+:\/\/[^/:]+:(\d+)/i.exec(url) : null;
  const port = m ? Number(m[1]) : 8080;
  return port >= 1 && port <= 65535 ? port : 8080;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
