/** One line of a side-by-side diff: same on both sides, or only on the left / right. */
export interface DiffLine {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Beyond this many lines per side the diff compares line by line by position (LCS is quadratic). */
const LCS_MAX_LINES = 3000;

/** A line diff of two texts (longest common subsequence), as one list of lines. */
export function diffLines(left: string, right: string): DiffLine[] {
  const a = left.split('\n');
  const b = right.split('\n');
  // Common head and tail first: messages of one flow usually differ in a few fields.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head = a.slice(0, start).map((text): DiffLine => ({ kind: 'same', text }));
  const tail = a.slice(endA).map((text): DiffLine => ({ kind: 'same', text }));
  const ma = a.slice(start, endA);
  const mb = b.slice(start, endB);
  return [...head, ...middle(ma, mb), ...tail];
}

function middle(a: string[], b: string[]): DiffLine[] {
  if (a.length > LCS_MAX_LINES || b.length > LCS_MAX_LINES) {
    const out: DiffLine[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (a[i] === b[i]) out.push({ kind: 'same', text: a[i] });
      else {
        if (i < a.length) out.push({ kind: 'removed', text: a[i] });
        if (i < b.length) out.push({ kind: 'added', text: b[i] });
      }
    }
    return out;
  }
  // lcs[i][j]: length of the LCS of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ kind: 'removed', text: a[i++] });
    else out.push({ kind: 'added', text: b[j++] });
  }
  while (i < a.length) out.push({ kind: 'removed', text: a[i++] });
  while (j < b.length) out.push({ kind: 'added', text: b[j++] });
  return out;
}

/** One header across two messages. */
export interface HeaderDiff {
  name: string;
  left: string | undefined;
  right: string | undefined;
  changed: boolean;
}

/** Every header name of either message, sorted, with both values and whether they differ. */
export function diffHeaders(left: Record<string, string>, right: Record<string, string>): HeaderDiff[] {
  const names = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return names.map((name) => {
    const l = Object.hasOwn(left, name) ? left[name] : undefined;
    const r = Object.hasOwn(right, name) ? right[name] : undefined;
    return { name, left: l, right: r, changed: l !== r };
  });
}

/** One row of a side-by-side view: a line on the left, on the right, or both. */
export interface DiffRow {
  left: string | null;
  right: string | null;
  changed: boolean;
}

/** Lays a line diff out side by side: a removed block faces the added block that replaces it. */
export function sideBySide(lines: DiffLine[]): DiffRow[] {
  const rows: DiffRow[] = [];
  for (let i = 0; i < lines.length;) {
    if (lines[i].kind === 'same') {
      rows.push({ left: lines[i].text, right: lines[i].text, changed: false });
      i++;
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (i < lines.length && lines[i].kind !== 'same') {
      (lines[i].kind === 'removed' ? removed : added).push(lines[i].text);
      i++;
    }
    for (let k = 0; k < Math.max(removed.length, added.length); k++)
      rows.push({ left: removed[k] ?? null, right: added[k] ?? null, changed: true });
  }
  return rows;
}
