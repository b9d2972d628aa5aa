/**
 * A fixed number of the latest values (oldest dropped first) in one typed array: pushing
 * never allocates, so hundreds of per-node buffers cost a few kilobytes each.
 */
export class RingBuffer {
  private readonly values: Float64Array;
  private head = 0;
  private filled = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error(`ring capacity must be ≥ 1, got ${capacity}`);
    this.values = new Float64Array(capacity);
  }

  get length(): number {
    return this.filled;
  }

  push(value: number): void {
    this.values[this.head] = value;
    this.head = (this.head + 1) % this.capacity;
    if (this.filled < this.capacity) this.filled++;
  }

  /** The i-th value, oldest first (0 ≤ i < length). */
  at(i: number): number {
    return this.values[(this.head - this.filled + i + this.capacity) % this.capacity];
  }

  /** The largest value held, or 0 when empty. */
  max(): number {
    let m = 0;
    for (let i = 0; i < this.filled; i++) m = Math.max(m, this.at(i));
    return m;
  }

  /** Every value, oldest first. */
  toArray(): number[] {
    const out = new Array<number>(this.filled);
    for (let i = 0; i < this.filled; i++) out[i] = this.at(i);
    return out;
  }

  clear(): void {
    this.head = 0;
    this.filled = 0;
  }
}
