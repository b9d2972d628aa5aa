/**
 * A growable little-endian byte buffer for values written one after another, and its
 * reader. Strings are UTF-8 with a u32 byte length in front, as SQLite will store them.
 */
/** Strings up to this long are copied byte by byte while they are ASCII. */
const SHORT_STRING = 64;

export class ByteWriter {
  // allocUnsafeSlow: never a slice of Node's shared pool, so it can be reused and copied freely.
  private buf = Buffer.allocUnsafeSlow(64 * 1024);
  private view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  private at = 0;

  get length(): number {
    return this.at;
  }

  u8(v: number): void {
    this.reserve(1);
    this.buf[this.at++] = v;
  }

  u32(v: number): void {
    this.reserve(4);
    this.view.setUint32(this.at, v, true);
    this.at += 4;
  }

  /** Overwrites the u32 at `at`, written earlier (a count known only afterwards). */
  u32At(at: number, v: number): void {
    this.view.setUint32(at, v, true);
  }

  /** Skips `n` bytes, left zero, to be filled later with the `…At` writers; returns where they start. */
  slot(n: number): number {
    this.reserve(n);
    const at = this.at;
    this.buf.fill(0, at, at + n);
    this.at += n;
    return at;
  }

  u8At(at: number, v: number): void {
    this.buf[at] = v;
  }

  f64At(at: number, v: number): void {
    this.view.setFloat64(at, v, true);
  }

  /** Overwrites `s.length` bytes at `at` with `s`, which must be ASCII. */
  asciiAt(at: number, s: string): void {
    for (let i = 0; i < s.length; i++) this.buf[at + i] = s.charCodeAt(i);
  }

  i32(v: number): void {
    this.reserve(4);
    this.view.setInt32(this.at, v, true);
    this.at += 4;
  }

  f64(v: number): void {
    this.reserve(8);
    this.view.setFloat64(this.at, v, true);
    this.at += 8;
  }

  str(s: string): void {
    // At most 3 bytes per UTF-16 unit; the exact length is known once written.
    this.reserve(4 + 3 * s.length);
    const start = this.at + 4;
    const buf = this.buf;
    const n = s.length;
    // Ids, names and numbers are short ASCII: copying them here beats a call into C++.
    let i = 0;
    if (n <= SHORT_STRING) {
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        buf[start + i] = c;
      }
    }
    const bytes = i === n ? n : i + buf.write(s.slice(i), start + i, 'utf8');
    this.view.setUint32(this.at, bytes, true);
    this.at = start + bytes;
  }

  bytes(b: Uint8Array): void {
    this.reserve(4 + b.byteLength);
    this.view.setUint32(this.at, b.byteLength, true);
    this.buf.set(b, this.at + 4);
    this.at += 4 + b.byteLength;
  }

  /** A copy of what was written (the buffer itself is kept for the next batch), then empty. */
  take(): Uint8Array {
    const out = new Uint8Array(this.buf.subarray(0, this.at));
    this.at = 0;
    return out;
  }

  private reserve(n: number): void {
    if (this.at + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.at + n) size *= 2;
    const grown = Buffer.allocUnsafeSlow(size);
    this.buf.copy(grown, 0, 0, this.at);
    this.buf = grown;
    this.view = new DataView(grown.buffer, grown.byteOffset, grown.byteLength);
  }
}

/** Reads what a ByteWriter wrote, in the same order. */
export class ByteReader {
  private readonly buf: Buffer;
  private readonly view: DataView;
  private at = 0;

  constructor(bytes: Uint8Array) {
    this.buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u8(): number {
    return this.buf[this.at++];
  }

  u32(): number {
    const v = this.view.getUint32(this.at, true);
    this.at += 4;
    return v;
  }

  i32(): number {
    const v = this.view.getInt32(this.at, true);
    this.at += 4;
    return v;
  }

  f64(): number {
    const v = this.view.getFloat64(this.at, true);
    this.at += 8;
    return v;
  }

  str(): string {
    const start = this.at + 4;
    const end = start + this.view.getUint32(this.at, true);
    this.at = end;
    return this.buf.toString('utf8', start, end);
  }

  /** `n` bytes of ASCII, as `ByteWriter.asciiAt` wrote them. */
  ascii(n: number): string {
    const start = this.at;
    this.at += n;
    return this.buf.toString('latin1', start, this.at);
  }

  /** A view into the read buffer, not a copy. */
  bytes(): Buffer {
    const start = this.at + 4;
    const end = start + this.view.getUint32(this.at, true);
    this.at = end;
    return this.buf.subarray(start, end);
  }
}
