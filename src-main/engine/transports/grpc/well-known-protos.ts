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

/** The google/protobuf well-known type file named by an import, or null when it is not one. */
export function wellKnownProto(importName: string): BundledProto | null {
  if (!importName.startsWith('google/protobuf/')) return null;
  const common = protobuf.common.get(importName) as BundledProto | null;
  return common ?? EXTRA[importName] ?? null;
}
