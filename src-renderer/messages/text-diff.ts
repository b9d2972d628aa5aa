import { lineDiff } from '@shared/replay/line-diff';

/** One line of a side-by-side diff: same on both sides, or only on the left / right. */
export interface DiffLine {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

const KIND = { ' ': 'same', '-': 'removed', '+': 'added' } as const;

/** A line diff of two messages' texts (the shared line diff), as one list of lines. */
export function diffLines(left: string, right: string): DiffLine[] {
  return lineDiff(left, right).map((l) => ({ kind: KIND[l.op], text: l.text }));
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
