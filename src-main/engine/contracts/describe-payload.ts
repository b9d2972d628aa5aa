import type { CompiledContract } from './contract-types';

/** How a payload is shown: what it was read as, and safe text for the messages panel. */
export interface PayloadDescription {
  /** `json`/`text` for UTF-8 payloads, the encoding for decoded binary ones, `binary` otherwise. */
  format: 'json' | 'text' | 'protobuf' | 'avro' | 'avro-confluent' | 'binary';
  text: string;
  /** The schema id of a Schema Registry frame. */
  schemaId?: number;
  /** Why the contract's encoding could not read it (the text then falls back). */
  problem?: string;
}

/** Bytes shown in a hex dump at most; the rest is counted. */
const DUMP_LIMIT = 4096;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns payload bytes into text that is safe to show: decoded JSON for protobuf, Avro and
 * registry-framed payloads, the text itself when it is UTF-8 without control characters,
 * otherwise a marked hex dump. Never throws.
 */
export function describePayload(payload: Buffer, contract?: CompiledContract): PayloadDescription {
  let problem: string | undefined;
  if (contract && contract.encoding !== 'json') {
    try {
      const decoded = contract.decode(payload);
      const text = JSON.stringify(contract.toJson(decoded.value), null, 2);
      return decoded.schemaId === undefined
        ? { format: contract.encoding, text }
        : { format: contract.encoding, text, schemaId: decoded.schemaId };
    } catch (err) {
      problem = (err as Error).message;
    }
  }
  const fallback = describeBytes(payload);
  return problem ? { ...fallback, problem } : fallback;
}

function describeBytes(payload: Buffer): PayloadDescription {
  const text = readableText(payload);
  if (text === null) return { format: 'binary', text: hexDump(payload) };
  try {
    JSON.parse(text);
    return { format: 'json', text };
  } catch {
    return { format: 'text', text };
  }
}

/** The payload as text when it is valid UTF-8 with no control characters but tab, CR and LF. */
function readableText(payload: Buffer): string | null {
  let text: string;
  try {
    text = utf8.decode(payload);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? null : text;
}

/** `[binary, N bytes]` then 16 bytes a line: offset, hex, printable ASCII. */
export function hexDump(payload: Buffer): string {
  const lines = [`[binary, ${payload.length} bytes]`];
  const shown = payload.subarray(0, DUMP_LIMIT);
  for (let offset = 0; offset < shown.length; offset += 16) {
    const row = shown.subarray(offset, offset + 16);
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  |${ascii}|`);
  }
  if (payload.length > DUMP_LIMIT) lines.push(`… ${payload.length - DUMP_LIMIT} more bytes`);
  return lines.join('\n');
}
