import type { Type } from 'avsc';
import type { ContractViolation } from './contract-types';
import { joinPath } from './schema-text';

/**
 * Every way a value breaks an Avro type, with paths: avsc's errorHook for the leaves, and
 * our own walk for fields a record does not declare (avsc's `noUndeclaredFields` stops at
 * the first record holding one and hides what is wrong inside it).
 */
export function avroViolations(type: Type, value: unknown): ContractViolation[] {
  const errors: ContractViolation[] = [];
  type.isValid(value, {
    errorHook: (path, val, leaf) => errors.push({ path: joinPath(path), message: describeMiss(val, leaf) }),
  });
  undeclaredFields(type, value, [], errors);
  return errors;
}

type Path = Array<string | number>;

function undeclaredFields(type: Type, value: unknown, path: Path, errors: ContractViolation[]): void {
  if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) return;
  const t = type as unknown as { itemsType: Type; valuesType: Type; types: Type[] };
  switch (type.typeName) {
    case 'record':
    case 'error': {
      const fields = recordFields(type);
      const declared = new Set(fields.map((f) => f.name));
      for (const key of Object.keys(value)) {
        if (!declared.has(key))
          errors.push({ path: joinPath([...path, key]), message: `is not a field of ${type.name}` });
      }
      const record = value as Record<string, unknown>;
      for (const f of fields) undeclaredFields(f.type, record[f.name], [...path, f.name], errors);
      return;
    }
    case 'array':
      if (Array.isArray(value))
        value.forEach((item, i) => undeclaredFields(t.itemsType, item, [...path, i], errors));
      return;
    case 'map':
      for (const [key, item] of Object.entries(value))
        undeclaredFields(t.valuesType, item, [...path, key], errors);
      return;
    case 'union:unwrapped': {
      // avsc unwraps a union only when at most one branch takes an object.
      const branch = t.types.find((b) => ['record', 'error', 'map'].includes(b.typeName));
      if (branch) undeclaredFields(branch, value, path, errors);
      return;
    }
    case 'union:wrapped': {
      const [key] = Object.keys(value);
      const branch = t.types.find((b) => (b.branchName ?? b.typeName) === key);
      if (branch) undeclaredFields(branch, (value as Record<string, unknown>)[key], path, errors);
      return;
    }
  }
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
