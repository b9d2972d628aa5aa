/** How two neighbouring samples of a column become one when the history halves its resolution. */
export type MergeRule = 'mean' | 'max';

type Cell = number | null;

/**
 * The samples of a whole run in bounded memory: a time column and named value columns of
 * equal length. When `capacity` rows are held, neighbouring rows merge pairwise (halving the
 * resolution), so an hour-long run still fits and its start stays visible on the charts.
 */
export class RunHistory {
  private times: number[] = [];
  private readonly columns = new Map<string, Cell[]>();

  constructor(
    readonly capacity: number,
    private readonly ruleOf: (key: string) => MergeRule = () => 'mean',
  ) {
    if (capacity < 4 || capacity % 2 !== 0)
      throw new Error(`history capacity must be even and ≥ 4, got ${capacity}`);
  }

  get length(): number {
    return this.times.length;
  }

  /** Adds one row at time `t`; absent keys are gaps (null), new keys are null before now. */
  append(t: number, row: Record<string, number | undefined>): void {
    if (this.times.length >= this.capacity) this.halve();
    const at = this.times.length;
    this.times.push(t);
    for (const [key, value] of Object.entries(row)) {
      if (value === undefined) continue;
      let col = this.columns.get(key);
      if (!col) {
        col = new Array<Cell>(at).fill(null);
        this.columns.set(key, col);
      }
      col.push(Number.isFinite(value) ? value : null);
    }
    for (const col of this.columns.values()) if (col.length === at) col.push(null);
  }

  /** The time of every row (uPlot's x values). */
  timeline(): readonly number[] {
    return this.times;
  }

  /** A column's values aligned with `timeline()`; all gaps for an unknown key. */
  column(key: string): readonly Cell[] {
    return this.columns.get(key) ?? new Array<Cell>(this.times.length).fill(null);
  }

  keys(): string[] {
    return [...this.columns.keys()];
  }

  /** Sum of a column over its last `rows` rows (gaps count as 0), e.g. to rank nodes by traffic. */
  recentSum(key: string, rows: number): number {
    const col = this.columns.get(key);
    if (!col) return 0;
    let sum = 0;
    for (let i = Math.max(0, col.length - rows); i < col.length; i++) sum += col[i] ?? 0;
    return sum;
  }

  clear(): void {
    this.times = [];
    this.columns.clear();
  }

  private halve(): void {
    const half = this.times.length >> 1;
    // A merged row stands for the interval ending at its later sample.
    this.times = Array.from({ length: half }, (_, i) => this.times[2 * i + 1]);
    for (const [key, col] of this.columns) {
      const rule = this.ruleOf(key);
      this.columns.set(
        key,
        Array.from({ length: half }, (_, i) => merge(col[2 * i], col[2 * i + 1], rule)),
      );
    }
  }
}

function merge(a: Cell, b: Cell, rule: MergeRule): Cell {
  if (a === null) return b;
  if (b === null) return a;
  return rule === 'max' ? Math.max(a, b) : (a + b) / 2;
}
