import { CONTRACT_FORMATS, type ContractFormat } from '@shared/flow/node-kinds';
import { tokenizeProto } from '@shared/flow/proto-outline';

/** What the format select says for each contract format. */
export const CONTRACT_FORMAT_LABELS: Record<ContractFormat, string> = {
  none: 'None',
  'json-schema': 'JSON Schema',
  protobuf: 'Protobuf message type',
  avro: 'Avro schema',
};

/** A contract as the form holds it: the format and its one field, possibly invalid. */
export type ContractDraft = { format: ContractFormat; schema?: string; messageType?: string };

const STARTERS: Record<ContractFormat, ContractDraft> = {
  none: { format: 'none' },
  'json-schema': {
    format: 'json-schema',
    schema: '{\n  "type": "object",\n  "properties": {},\n  "required": []\n}',
  },
  protobuf: { format: 'protobuf', messageType: '' },
  avro: { format: 'avro', schema: '{\n  "type": "record",\n  "name": "Message",\n  "fields": []\n}' },
};

/** The contract field's value as a draft; anything unreadable counts as none. */
export function contractDraft(value: unknown): ContractDraft {
  if (!value || typeof value !== 'object') return STARTERS.none;
  const v = value as Record<string, unknown>;
  const format = CONTRACT_FORMATS.find((f) => f === v.format);
  if (!format) return STARTERS.none;
  const draft: ContractDraft = { format };
  if (typeof v.schema === 'string') draft.schema = v.schema;
  if (typeof v.messageType === 'string') draft.messageType = v.messageType;
  return draft;
}

/**
 * The contract after choosing `format`: what was written in that format earlier in this
 * form (`earlier`), else a starter schema to fill in, else the first known message type.
 */
export function switchContract(
  format: ContractFormat,
  earlier: Partial<Record<ContractFormat, ContractDraft>>,
  messageTypes: readonly string[] = [],
): ContractDraft {
  const kept = earlier[format];
  if (kept) return kept;
  if (format === 'protobuf') return { format, messageType: messageTypes[0] ?? '' };
  return STARTERS[format];
}

/**
 * Message type names a protobuf contract can use, from .proto sources: every top-level
 * `message` and every rpc's request and response type, qualified by the file's package.
 * Never throws on half-typed text.
 */
export function protoMessageTypes(sources: readonly string[]): string[] {
  const names = new Set<string>();
  for (const source of sources) {
    const t = tokenizeProto(source);
    const pkg = t.find((_, i) => t[i - 1] === 'package') ?? '';
    const qualify = (name: string): string =>
      name.startsWith('.') ? name.slice(1) : name.includes('.') || !pkg ? name : `${pkg}.${name}`;
    let depth = 0;
    for (let i = 0; i < t.length; i += 1) {
      if (t[i] === '{') depth += 1;
      else if (t[i] === '}') depth = Math.max(0, depth - 1);
      else if (depth === 0 && t[i] === 'message' && /^[A-Za-z_]\w*$/.test(t[i + 1] ?? '')) {
        names.add(qualify(t[i + 1]));
      } else if (t[i] === 'returns' || (t[i] === 'rpc' && t[i + 2] === '(')) {
        // rpc Name ( [stream] Req ) returns ( [stream] Res )
        let j = t[i] === 'rpc' ? i + 3 : i + 2;
        if (t[j] === 'stream') j += 1;
        if (/^\.?[A-Za-z_][\w.]*$/.test(t[j] ?? '')) names.add(qualify(t[j]));
      }
    }
  }
  return [...names].sort();
}
