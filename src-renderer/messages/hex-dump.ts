/** Bytes shown before "show all": a 1 MiB binary payload stays quick to open. */
export const HEX_PREVIEW_BYTES = 16 * 1024;

/** Bytes of a base64 payload (the renderer has no Buffer). */
export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A classic hex dump, 16 bytes a line: offset, hex bytes, printable ASCII (others as '.'),
 * of at most `limit` bytes.
 */
export function hexDump(bytes: Uint8Array, limit = HEX_PREVIEW_BYTES): string {
  const end = Math.min(bytes.length, limit);
  const lines: string[] = [];
  for (let off = 0; off < end; off += 16) {
    let hex = '';
    let ascii = '';
    for (let i = 0; i < 16; i++) {
      const at = off + i;
      if (at < end) {
        const b = bytes[at];
        hex += HEX[b] + (i === 7 ? '  ' : ' ');
        ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
      } else hex += i === 7 ? '    ' : '   ';
    }
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex} |${ascii}|`);
  }
  return lines.join('\n');
}
