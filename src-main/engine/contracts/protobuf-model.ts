import protobuf from 'protobufjs';
import { ContractCompileError, PayloadEncodeError, type ContractModel } from './contract-types';
import { fakeProtobuf } from './protobuf-fake';
import { protobufViolations } from './protobuf-validate';

const FIELD = 'contract.messageType';
/** How decoded messages are shown and validated: the proto3 JSON mapping. */
const TO_OBJECT: protobuf.IConversionOptions = {
  enums: String,
  longs: String,
  bytes: String,
  defaults: true,
};

/** Compiles a protobuf contract: `messageType` looked up in the flow's .proto files. */
export function compileProtobufModel(messageType: string, root: protobuf.Root | undefined): ContractModel {
  if (!root) throw new ContractCompileError(FIELD, `names ${messageType}, but the flow has no .proto files`);
  const type = lookupMessage(root, messageType);
  const validate: ContractModel['validate'] = (value) => {
    const errors = protobufViolations(type, value);
    return errors.length === 0 ? { ok: true } : { ok: false, errors };
  };
  return {
    validate,
    fake: (seq) => fakeProtobuf(type, seq),
    binary: {
      encode(value) {
        const verdict = validate(value);
        if (!verdict.ok) {
          const first = verdict.errors[0];
          throw new PayloadEncodeError(
            `cannot encode as ${messageType}: ${first.path || '(payload)'} ${first.message}`,
            verdict.errors,
          );
        }
        const bytes = type.encode(type.fromObject(value as Record<string, unknown>)).finish();
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      },
      // A plain Uint8Array view: protobufjs' Buffer reader clamps a truncated string instead of failing.
      decode: (body) =>
        type.toObject(type.decode(new Uint8Array(body.buffer, body.byteOffset, body.byteLength)), TO_OBJECT),
    },
    toJson: (value) => value,
  };
}

function lookupMessage(root: protobuf.Root, name: string): protobuf.Type {
  let found: protobuf.ReflectionObject | null = null;
  try {
    found = root.lookup(name.replace(/^\./, ''));
  } catch {
    found = null;
  }
  if (found instanceof protobuf.Type) {
    found.resolveAll();
    return found;
  }
  const known = messageTypes(root);
  const what = found ? `is a ${found.constructor.name.toLowerCase()}, not a message type` : 'is not defined';
  const hint = known.length
    ? ` (the .proto files define ${listSome(known)})`
    : ' (the .proto files define no messages)';
  throw new ContractCompileError(FIELD, `"${name}" ${what} in the flow's .proto files${hint}`);
}

function messageTypes(ns: protobuf.NamespaceBase, out: string[] = []): string[] {
  for (const child of ns.nestedArray) {
    if (child instanceof protobuf.Type) out.push(child.fullName.replace(/^\./, ''));
    if (child instanceof protobuf.Namespace || child instanceof protobuf.Type) messageTypes(child, out);
  }
  return out;
}

function listSome(names: string[]): string {
  return names.length > 8 ? `${names.slice(0, 8).join(', ')} and ${names.length - 8} more` : names.join(', ');
}
