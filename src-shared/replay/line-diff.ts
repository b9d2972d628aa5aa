/** One line of a diff: kept, removed from the original, or added in the edit. */
export interface DiffLine {
  op: ' ' | '-' | '+';
  text: string;
}

/** Above this many line pairs between the common head and tail, the lines between are given as "all removed, all added" (no LCS table). */
const MAX_CELLS = 4_000_000;

/**
 * A line diff of `before` → `after` (longest common subsequence): an edited payload against
 * its original before a replay, two messages compared side by side. The common head and
 * tail are taken off first (two messages of one flow usually differ in a few fields), so the
 * quadratic table covers only the lines between.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const kept = (lines: string[]): DiffLine[] => lines.map((text) => ({ op: ' ', text }));
  return [
    ...kept(a.slice(0, start)),
    ...middle(a.slice(start, endA), b.slice(start, endB)),
    ...kept(a.slice(endA)),
  ];
}

function middle(a: string[], b: string[]): DiffLine[] {
  if (a.length * b.length > MAX_CELLS)
    return [
      ...a.map((text) => ({ op: '-' as const, text })),
      ...b.map((text) => ({ op: '+' as const, text })),
    ];
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: common lines of a[i..] and b[j..], in one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[at(i, j)] =
        a[i] === b[j] ? lcs[at(i + 1, j + 1)] + 1 : Math.max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: ' ', text: a[i] });
      i++;
      j++;
    } else if (lcs[at(i + 1, j)] >= lcs[at(i, j + 1)]) out.push({ op: '-', text: a[i++] });
    else out.push({ op: '+', text: b[j++] });
  }
  while (i < n) out.push({ op: '-', text: a[i++] });
  while (j < m) out.push({ op: '+', text: b[j++] });
  return out;
}

/** True when the diff changes anything. */
export function hasChanges(diff: DiffLine[]): boolean {
  return diff.some((l) => l.op !== ' ');
}
