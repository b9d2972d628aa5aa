import type { Faker } from '@faker-js/faker';
import protobuf from 'protobufjs';
import { fakeNumber, fakeString, seededFaker } from './fake-by-name';

/** Nested messages deeper than this are left unset, so recursive types end. */
const MAX_DEPTH = 4;

/** A plausible message of `type` in the proto3 JSON mapping, the same for the same `seq`. */
export function fakeProtobuf(type: protobuf.Type, seq: number): Record<string, unknown> {
  return fakeMessage(seededFaker(seq), type, 0);
}

function fakeMessage(faker: Faker, type: protobuf.Type, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const chosen = new Map<protobuf.OneOf, protobuf.Field>();
  for (const oneof of type.oneofsArray) {
    // A proto3 `optional` is a synthetic oneof of one field: set it most of the time.
    chosen.set(oneof, faker.helpers.arrayElement(oneof.fieldsArray));
  }
  for (const field of type.fieldsArray) {
    if (field.partOf && chosen.get(field.partOf) !== field) continue;
    if (field.resolvedType instanceof protobuf.Type && depth >= MAX_DEPTH) continue;
    const value = fakeField(faker, field, depth);
    if (value !== undefined) out[field.name] = value;
  }
  return out;
}

function fakeField(faker: Faker, field: protobuf.FieldBase, depth: number): unknown {
  if (field instanceof protobuf.MapField) {
    const entries: Record<string, unknown> = {};
    const count = faker.number.int({ min: 1, max: 2 });
    for (let i = 0; i < count; i += 1) {
      const key =
        field.keyType === 'string' ? faker.lorem.word() : String(faker.number.int({ min: 0, max: 99 }));
      entries[key] = fakeSingle(faker, field, depth);
    }
    return entries;
  }
  if (field.repeated) {
    const count = faker.number.int({ min: 1, max: 3 });
    return Array.from({ length: count }, () => fakeSingle(faker, field, depth));
  }
  return fakeSingle(faker, field, depth);
}

function fakeSingle(faker: Faker, field: protobuf.FieldBase, depth: number): unknown {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return fakeMessage(faker, resolved, depth + 1);
  if (resolved instanceof protobuf.Enum) {
    const names = Object.keys(resolved.values);
    // Skip the zero "unspecified" value when there is another: it reads as "no value".
    const meaningful = names.length > 1 ? names.filter((n) => resolved.values[n] !== 0) : names;
    return faker.helpers.arrayElement(meaningful);
  }
  const name = field.name;
  switch (field.type) {
    case 'double':
    case 'float':
      return fakeNumber(faker, name, false, -1e6, 1e6);
    case 'int32':
    case 'sint32':
    case 'sfixed32':
      return fakeNumber(faker, name, true, -(2 ** 31), 2 ** 31 - 1);
    case 'uint32':
    case 'fixed32':
      return fakeNumber(faker, name, true, 0, 2 ** 32 - 1);
    case 'int64':
    case 'sint64':
    case 'sfixed64':
    case 'uint64':
    case 'fixed64':
      // Numbers beyond 2^53 would lose digits; stay in the safe range.
      return fakeNumber(faker, name, true, 0, Number.MAX_SAFE_INTEGER);
    case 'bool':
      return faker.datatype.boolean();
    case 'string':
      return fakeString(faker, name);
    case 'bytes':
      return Buffer.from(faker.string.alphanumeric({ length: 12 })).toString('base64');
    default:
      return undefined;
  }
}
