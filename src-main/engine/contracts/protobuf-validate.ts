import protobuf from 'protobufjs';
import type { ContractViolation } from './contract-types';
import { joinPath } from './schema-text';

/**
 * Checks a value against a protobuf message type in the proto3 JSON mapping — the shape
 * producers write and `decode` returns: enums by name (or number), 64-bit integers as
 * numbers or digit strings, bytes as base64. Unlike Type.verify it reports every problem
 * with its path, and it accepts enum names and 64-bit strings.
 */
export function protobufViolations(type: protobuf.Type, value: unknown): ContractViolation[] {
  const errors: ContractViolation[] = [];
  checkMessage(type, value, [], errors);
  return errors;
}

type Path = Array<string | number>;

const INT32: [bigint, bigint] = [-(2n ** 31n), 2n ** 31n - 1n];
const UINT32: [bigint, bigint] = [0n, 2n ** 32n - 1n];
const INT64: [bigint, bigint] = [-(2n ** 63n), 2n ** 63n - 1n];
const UINT64: [bigint, bigint] = [0n, 2n ** 64n - 1n];
const INTEGER_RANGES: Record<string, [bigint, bigint]> = {
  int32: INT32,
  sint32: INT32,
  sfixed32: INT32,
  uint32: UINT32,
  fixed32: UINT32,
  int64: INT64,
  sint64: INT64,
  sfixed64: INT64,
  uint64: UINT64,
  fixed64: UINT64,
};
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

function checkMessage(type: protobuf.Type, value: unknown, path: Path, errors: ContractViolation[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Buffer.isBuffer(value)) {
    errors.push({ path: joinPath(path), message: `must be an object (message ${typeName(type)})` });
    return;
  }
  const setOneofs = new Map<string, string>();
  for (const [key, fieldValue] of Object.entries(value as Record<string, unknown>)) {
    const field = type.fields[key];
    const at = [...path, key];
    if (!field) {
      const snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      const hint = snake !== key && type.fields[snake] ? ` (the field is called ${snake})` : '';
      errors.push({ path: joinPath(at), message: `is not a field of ${typeName(type)}${hint}` });
      continue;
    }
    // null is "not set" in the JSON mapping.
    if (fieldValue === null || fieldValue === undefined) continue;
    if (field.partOf) {
      const other = setOneofs.get(field.partOf.name);
      if (other) {
        errors.push({
          path: joinPath(at),
          message: `cannot be set with ${other} (oneof ${field.partOf.name})`,
        });
      }
      setOneofs.set(field.partOf.name, key);
    }
    checkField(field, fieldValue, at, errors);
  }
}

function checkField(
  field: protobuf.FieldBase,
  value: unknown,
  path: Path,
  errors: ContractViolation[],
): void {
  if (field instanceof protobuf.MapField) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push({ path: joinPath(path), message: 'must be an object (a map)' });
      return;
    }
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const range = INTEGER_RANGES[field.keyType];
      if (range && !inRange(key, range)) {
        errors.push({ path: joinPath([...path, key]), message: `key must be a ${field.keyType} number` });
      }
      checkSingle(field, item, [...path, key], errors);
    }
    return;
  }
  if (field.repeated) {
    if (!Array.isArray(value)) {
      errors.push({ path: joinPath(path), message: 'must be an array (repeated field)' });
      return;
    }
    value.forEach((item, i) => checkSingle(field, item, [...path, i], errors));
    return;
  }
  checkSingle(field, value, path, errors);
}

function checkSingle(
  field: protobuf.FieldBase,
  value: unknown,
  path: Path,
  errors: ContractViolation[],
): void {
  const problem = singleProblem(field, value, path, errors);
  if (problem) errors.push({ path: joinPath(path), message: problem });
}

/** What is wrong with one (non-repeated) value, or null; nested messages report their own. */
function singleProblem(
  field: protobuf.FieldBase,
  value: unknown,
  path: Path,
  errors: ContractViolation[],
): string | null {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) {
    checkMessage(resolved, value, path, errors);
    return null;
  }
  if (resolved instanceof protobuf.Enum) {
    const names = Object.keys(resolved.values);
    const known =
      typeof value === 'string'
        ? names.includes(value)
        : Object.values(resolved.values).includes(value as number);
    return known ? null : `must be one of ${names.join(', ')}`;
  }
  const range = INTEGER_RANGES[field.type];
  if (range)
    return inRange(value, range)
      ? null
      : `must be a whole number from ${range[0]} to ${range[1]} (${field.type})`;
  switch (field.type) {
    case 'double':
    case 'float':
      return typeof value === 'number' || value === 'NaN' || value === 'Infinity' || value === '-Infinity'
        ? null
        : `must be a number (${field.type})`;
    case 'bool':
      return typeof value === 'boolean' ? null : 'must be true or false (bool)';
    case 'string':
      return typeof value === 'string' ? null : 'must be a string';
    case 'bytes':
      return value instanceof Uint8Array || (typeof value === 'string' && BASE64.test(value))
        ? null
        : 'must be base64 text (bytes)';
    default:
      return `has type ${field.type}, which this check does not know`;
  }
}

function inRange(value: unknown, [min, max]: [bigint, bigint]): boolean {
  let n: bigint;
  if (typeof value === 'number' && Number.isInteger(value)) n = BigInt(value);
  else if (typeof value === 'string' && /^-?\d+$/.test(value)) n = BigInt(value);
  else return false;
  return n >= min && n <= max;
}

function typeName(type: protobuf.Type): string {
  return type.fullName.replace(/^\./, '');
}
