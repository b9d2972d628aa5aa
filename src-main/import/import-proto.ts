import protobuf from 'protobufjs';
import type { ImportResult } from '@shared/api/import-requests';
import { checkProto } from '../engine/schema/check-proto';
import { FlowBuilder, nodeLabel } from './flow-builder';
import { finishImport } from './finish-import';
import { templateFromSchema } from './schema-sample';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const NUMBER_TYPES = new Set([
  'int32',
  'int64',
  'uint32',
  'uint64',
  'sint32',
  'sint64',
  'fixed32',
  'fixed64',
  'sfixed32',
  'sfixed64',
  'double',
  'float',
]);

/**
 * A .proto file → one gRPC service node per service, with the source inline (a new flow has
 * no folder yet; saving it beside the file and setting "Proto file" switches to the folder
 * rules) and a response template per method rendered from its response message's fields.
 */
export async function importProto(text: string, fileName?: string): Promise<ImportResult> {
  const [error] = checkProto(text);
  if (error) return { ok: false, error: { message: error.message, line: error.line } };
  const parsed = protobuf.parse(text, { keepCase: true });
  parsed.root.resolveAll();
  const b = new FlowBuilder();
  for (const imp of parsed.imports ?? []) {
    b.skipped.push(`import "${imp}": not included; add it under the service's imported .proto files`);
  }
  const services = allServices(parsed.root);
  for (const service of services) {
    const fullName = service.fullName.replace(/^\./, '');
    const responses: Record<string, string> = {};
    const streaming: Array<{ method: string; items: number; intervalMs: number }> = [];
    for (const method of Object.values(service.methods)) {
      method.resolve();
      const reply = method.resolvedResponseType;
      responses[method.name] = reply ? templateFromSchema(messageSchema(reply, 0)) : '{}';
      if (method.responseStream) streaming.push({ method: method.name, items: 3, intervalMs: 200 });
    }
    const config = { name: nodeLabel(service.name), proto: text, service: fullName, responses, streaming };
    const id = b.add('grpcService', service.name, config, `service ${fullName}`);
    if (id) {
      const kinds = Object.values(service.methods).map((m) => `${m.name}${methodShape(m)}`);
      b.mapped.push(`service ${fullName} → gRPC service node "${id}" with ${kinds.join(', ')}`);
    }
  }
  const name = fileName ? fileName.replace(/^.*[\\/]/, '') : (parsed.package ?? 'proto');
  return finishImport(b, name, { format: 'proto', source: `.proto ${name}` });
}

function allServices(ns: protobuf.NamespaceBase): protobuf.Service[] {
  const out: protobuf.Service[] = [];
  for (const nested of ns.nestedArray) {
    if (nested instanceof protobuf.Service) out.push(nested);
    else if (nested instanceof protobuf.Namespace) out.push(...allServices(nested));
  }
  return out;
}

function methodShape(m: protobuf.Method): string {
  if (m.requestStream && m.responseStream) return ' (bidirectional)';
  if (m.requestStream) return ' (client streaming)';
  if (m.responseStream) return ' (server streaming)';
  return '';
}

/** The message's fields as a JSON-Schema-like object, for the shared template writer. */
function messageSchema(type: protobuf.Type, depth: number): Json {
  const properties: Record<string, Json> = {};
  for (const field of type.fieldsArray) {
    field.resolve();
    const one = fieldSchema(field, depth);
    properties[field.name] = field.repeated ? { type: 'array', items: one } : one;
  }
  return { type: 'object', properties };
}

function fieldSchema(field: protobuf.Field, depth: number): Json {
  const t = field.resolvedType;
  if (t instanceof protobuf.Enum) return { enum: Object.keys(t.values).slice(0, 1) };
  if (t instanceof protobuf.Type) return depth > 4 ? { type: 'object' } : messageSchema(t, depth + 1);
  if (NUMBER_TYPES.has(field.type)) return { type: field.type.includes('int') ? 'integer' : 'number' };
  if (field.type === 'bool') return { type: 'boolean' };
  return { type: 'string' };
}
