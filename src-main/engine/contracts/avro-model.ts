import avro from 'avsc';
import { ContractCompileError, PayloadEncodeError, type ContractModel } from './contract-types';
import { fakeAvro } from './avro-fake';
import { avroViolations } from './avro-validate';
import { parseSchemaText } from './schema-text';

const FIELD = 'contract.schema';

/** Compiles an Avro schema (JSON text); values use avsc's representation (bytes are Buffers). */
export function compileAvroModel(text: string): ContractModel {
  const schema = parseSchemaText(text, FIELD);
  let type: avro.Type;
  try {
    type = avro.Type.forSchema(schema as avro.Schema, { wrapUnions: 'auto' });
  } catch (err) {
    throw new ContractCompileError(FIELD, `is not a valid Avro schema: ${(err as Error).message}`);
  }
  const validate: ContractModel['validate'] = (value) => {
    const errors = avroViolations(type, value);
    return errors.length === 0 ? { ok: true } : { ok: false, errors };
  };
  return {
    validate,
    fake: (seq) => fakeAvro(type, seq),
    binary: {
      encode(value) {
        const verdict = validate(value);
        if (!verdict.ok) {
          const first = verdict.errors[0];
          throw new PayloadEncodeError(
            `cannot encode as Avro ${type.name ?? type.typeName}: ${first.path || '(payload)'} ${first.message}`,
            verdict.errors,
          );
        }
        return type.toBuffer(value);
      },
      decode: (body) => type.fromBuffer(body),
    },
    toJson: (value) => JSON.parse(JSON.stringify(value, bytesAsBase64)) as unknown,
  };
}

/** Buffers (Avro bytes and fixed) shown as base64 text instead of `{type: 'Buffer', data: […]}`. */
function bytesAsBase64(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return Buffer.isBuffer(raw) ? raw.toString('base64') : value;
}
