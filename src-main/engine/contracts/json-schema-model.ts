import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { generateSync, type JsonSchema } from 'json-schema-faker';
import {
  ContractCompileError,
  type ContractModel,
  type ContractViolation,
  type ValidationResult,
} from './contract-types';
import { joinPath, parseSchemaText } from './schema-text';

const FIELD = 'contract.schema';
/** Seeds tried per fake before giving up; a seed rarely misses (patterns, tight formats). */
const FAKE_ATTEMPTS = 5;

/** Compiles JSON Schema text (draft-07 by default; 2019-09 and 2020-12 by `$schema`). */
export function compileJsonSchemaModel(text: string): ContractModel {
  const schema = parseSchemaText(text, FIELD);
  const isSchema =
    typeof schema === 'boolean' || (typeof schema === 'object' && schema !== null && !Array.isArray(schema));
  if (!isSchema) throw new ContractCompileError(FIELD, 'must be a JSON object (a JSON Schema)');
  const ajv = ajvFor(schema);
  let check: ValidateFunction;
  try {
    check = ajv.compile(schema as object | boolean);
  } catch (err) {
    throw new ContractCompileError(FIELD, `is not a valid JSON Schema: ${(err as Error).message}`);
  }
  const validate = (value: unknown): ValidationResult =>
    check(value) ? { ok: true } : { ok: false, errors: (check.errors ?? []).map(toViolation) };
  return {
    validate,
    fake(seq) {
      let last: ValidationResult = { ok: true };
      for (let attempt = 0; attempt < FAKE_ATTEMPTS; attempt += 1) {
        const value = generateSync(schema as JsonSchema, { seed: seq + attempt * 1_000_003 });
        last = validate(value);
        if (last.ok) return value;
      }
      const why = last.ok ? '' : `: ${last.errors[0].path || '(payload)'} ${last.errors[0].message}`;
      throw new Error(`could not generate a payload that satisfies the JSON Schema${why}`);
    },
    toJson: (value) => value,
  };
}

function ajvFor(schema: unknown): Ajv {
  const dialect =
    typeof schema === 'object' && schema !== null
      ? String((schema as { $schema?: unknown }).$schema ?? '')
      : '';
  // strict: false — users paste schemas with vendor keywords (x-…, examples in odd places).
  const options = { allErrors: true, strict: false };
  const ajv = dialect.includes('2020-12')
    ? new Ajv2020(options)
    : dialect.includes('2019-09')
      ? new Ajv2019(options)
      : new Ajv(options);
  addFormats(ajv);
  return ajv;
}

function toViolation(error: ErrorObject): ContractViolation {
  const parts = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    return { path: joinPath([...parts, missing]), message: 'is required' };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    return { path: joinPath([...parts, extra]), message: 'is not allowed by the schema' };
  }
  return { path: joinPath(parts), message: error.message ?? `fails ${error.keyword}` };
}
