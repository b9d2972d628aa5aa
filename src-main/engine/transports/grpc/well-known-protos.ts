import protobuf from 'protobufjs';
import apiJson from 'protobufjs/google/protobuf/api.json';
import descriptorJson from 'protobufjs/google/protobuf/descriptor.json';
import sourceContextJson from 'protobufjs/google/protobuf/source_context.json';
import typeJson from 'protobufjs/google/protobuf/type.json';

/** A bundled definition: the same shape protobufjs keeps in `protobuf.common`. */
export interface BundledProto {
  nested?: Record<string, protobuf.AnyNestedObject>;
  options?: Record<string, unknown>;
}

// protobufjs bundles any, duration, empty, field_mask, struct, timestamp and wrappers;
// these four ship as JSON beside them.
const EXTRA: Record<string, BundledProto> = {
  'google/protobuf/api.proto': apiJson as BundledProto,
  'google/protobuf/descriptor.proto': descriptorJson as BundledProto,
  'google/protobuf/source_context.proto': sourceContextJson as BundledProto,
  'google/protobuf/type.proto': typeJson as BundledProto,
};

// What each bundled file itself imports (from google/protobuf's own sources).
const DEPENDS: Record<string, string[]> = {
  'google/protobuf/api.proto': ['google/protobuf/source_context.proto', 'google/protobuf/type.proto'],
  'google/protobuf/type.proto': ['google/protobuf/any.proto', 'google/protobuf/source_context.proto'],
};

/** The google/protobuf well-known type file named by an import, or null when it is not one. */
export function wellKnownProto(importName: string): BundledProto | null {
  if (!importName.startsWith('google/protobuf/')) return null;
  const common = protobuf.common.get(importName) as BundledProto | null;
  return common ?? EXTRA[importName] ?? null;
}

/**
 * Adds a bundled file's types to `root`. The bundled files overlap (type.json carries Any
 * and SourceContext too), so a type the root already has is skipped, not added twice.
 */
export function addBundled(root: protobuf.Root, proto: BundledProto): void {
  const types = (
    proto.nested?.google as { nested?: { protobuf?: { nested?: Record<string, unknown> } } } | undefined
  )?.nested?.protobuf?.nested;
  if (!types) {
    root.addJSON(proto.nested ?? {});
    return;
  }
  const fresh: Record<string, protobuf.AnyNestedObject> = {};
  for (const [name, json] of Object.entries(types)) {
    if (root.lookup(`.google.protobuf.${name}`) === null) fresh[name] = json as protobuf.AnyNestedObject;
  }
  root.addJSON({ google: { nested: { protobuf: { nested: fresh } } } });
}

/**
 * A well-known file and the well-known files it depends on, dependencies first; empty when
 * `importName` is not a well-known file.
 */
export function wellKnownWithDependencies(importName: string): Array<[string, BundledProto]> {
  const out: Array<[string, BundledProto]> = [];
  const visit = (name: string): void => {
    if (out.some(([n]) => n === name)) return;
    const proto = wellKnownProto(name);
    if (!proto) return;
    for (const dep of DEPENDS[name] ?? []) visit(dep);
    out.push([name, proto]);
  };
  visit(importName);
  return out;
}
