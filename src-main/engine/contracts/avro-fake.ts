import type { Faker } from '@faker-js/faker';
import type { Type } from 'avsc';
import { recordFields } from './avro-validate';
import { fakeNumber, fakeString, seededFaker } from './fake-by-name';

/** Past this depth a union takes null and lists stay empty, so recursive types end. */
const MAX_DEPTH = 4;
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** A plausible value of an Avro type (avsc's representation), the same for the same `seq`. */
export function fakeAvro(type: Type, seq: number): unknown {
  return fakeValue(seededFaker(seq), type, 'value', 0);
}

function fakeValue(faker: Faker, type: Type, name: string, depth: number): unknown {
  const t = type as unknown as {
    symbols: string[];
    size: number;
    itemsType: Type;
    valuesType: Type;
    types: Type[];
  };
  switch (type.typeName) {
    case 'null':
      return null;
    case 'boolean':
      return faker.datatype.boolean();
    case 'int':
      return fakeNumber(faker, name, true, INT_MIN, INT_MAX);
    case 'long':
      return fakeNumber(faker, name, true, 0, Number.MAX_SAFE_INTEGER);
    case 'float':
    case 'double':
      return fakeNumber(faker, name, false, -1e6, 1e6);
    case 'string':
      return fakeString(faker, name);
    case 'bytes':
      return Buffer.from(faker.string.alphanumeric({ length: 12 }));
    case 'fixed':
      return Buffer.from(faker.string.hexadecimal({ length: t.size * 2, prefix: '' }), 'hex');
    case 'enum':
      return faker.helpers.arrayElement(t.symbols);
    case 'array': {
      const count = depth >= MAX_DEPTH ? 0 : faker.number.int({ min: 1, max: 3 });
      return Array.from({ length: count }, () => fakeValue(faker, t.itemsType, singular(name), depth + 1));
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      const count = depth >= MAX_DEPTH ? 0 : faker.number.int({ min: 1, max: 2 });
      for (let i = 0; i < count; i += 1)
        out[faker.lorem.word()] = fakeValue(faker, t.valuesType, name, depth + 1);
      return out;
    }
    case 'record':
    case 'error': {
      const out: Record<string, unknown> = {};
      for (const field of recordFields(type))
        out[field.name] = fakeValue(faker, field.type, field.name, depth + 1);
      return out;
    }
    case 'union:unwrapped':
    case 'union:wrapped': {
      const branch = pickBranch(faker, t.types, depth);
      const value = fakeValue(faker, branch, name, depth);
      if (type.typeName === 'union:unwrapped' || branch.typeName === 'null') return value;
      return { [branch.branchName ?? branch.typeName]: value };
    }
    default:
      throw new Error(`cannot generate a value of Avro type ${type.typeName}`);
  }
}

/** Mostly a non-null branch (a payload full of nulls tells little); null when deep. */
function pickBranch(faker: Faker, branches: Type[], depth: number): Type {
  const nullBranch = branches.find((b) => b.typeName === 'null');
  const others = branches.filter((b) => b.typeName !== 'null');
  if (nullBranch && (depth >= MAX_DEPTH || others.length === 0 || faker.number.float() < 0.2))
    return nullBranch;
  return faker.helpers.arrayElement(others);
}

/** `items` → `item`, so array elements get the heuristics of their field's name. */
function singular(name: string): string {
  return name.endsWith('s') ? name.slice(0, -1) : name;
}
