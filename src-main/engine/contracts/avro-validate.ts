import type { Type } from 'avsc';
import type { ContractViolation } from './contract-types';
import { joinPath } from './schema-text';

/**
 * Every way a value breaks an Avro type, with paths. avsc's errorHook reports leaves, but
 * with `noUndeclaredFields` it stops at a record holding an unknown field, so two passes:
 * leaves first, then records with fields the schema does not declare.
 */
export function avroViolations(type: Type, value: unknown): ContractViolation[] {
  const errors: ContractViolation[] = [];
  const seen = new Set<string>();
  const add = (path: string, message: string): void => {
    const key = `${path}\u0000${message}`;
    if (!seen.has(key)) errors.push({ path, message });
    seen.add(key);
  };
  type.isValid(value, {
    errorHook: (path, val, leaf) => add(joinPath(path), describeMiss(val, leaf)),
  });
  type.isValid(value, {
    noUndeclaredFields: true,
    errorHook: (path, val, leaf) => {
      if (leaf.typeName !== 'record' || typeof val !== 'object' || val === null) return;
      const declared = new Set(recordFields(leaf).map((f) => f.name));
      for (const key of Object.keys(val as object)) {
        if (!declared.has(key))
          add(joinPath([...path, key]), `is not a field of ${leaf.name ?? 'the record'}`);
      }
    },
  });
  return errors;
}

/** The fields of an avsc record type (the d.ts declares them on RecordType only). */
export function recordFields(type: Type): Array<{ name: string; type: Type }> {
  return (type as unknown as { fields: Array<{ name: string; type: Type }> }).fields;
}

function describeMiss(value: unknown, type: Type): string {
  if (value === undefined) return `is required (${label(type)})`;
  return `must be ${label(type)}`;
}

/** How a user would name what an Avro type expects. */
function label(type: Type): string {
  const t = type as unknown as { symbols?: string[]; types?: Type[]; size?: number };
  switch (type.typeName) {
    case 'record':
    case 'error':
      return `an object (record ${type.name})`;
    case 'enum':
      return `one of ${(t.symbols ?? []).join(', ')}`;
    case 'array':
      return 'an array';
    case 'map':
      return 'an object (map)';
    case 'fixed':
      return `${t.size} bytes (fixed ${type.name})`;
    case 'int':
      return 'a whole number from -2147483648 to 2147483647 (int)';
    case 'long':
      return 'a whole number (long)';
    case 'float':
    case 'double':
      return `a number (${type.typeName})`;
    case 'boolean':
      return 'true or false';
    case 'bytes':
      return 'bytes (a Buffer)';
    case 'null':
      return 'null';
    case 'string':
      return 'a string';
    default:
      if (t.types)
        return `one of the union's types: ${t.types.map((b) => b.branchName ?? b.typeName).join(' | ')}`;
      return type.typeName;
  }
}
