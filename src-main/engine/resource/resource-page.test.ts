import { describe, expect, it } from 'vitest';
import { CursorError, decodeCursor, encodeCursor, pageAfter, readLimit } from './resource-page';

const items = (...seqs: number[]): Array<{ seq: number }> => seqs.map((seq) => ({ seq }));

describe('cursor pages', () => {
  it('walks every item exactly once, page by page', () => {
    const all = items(1, 2, 3, 4, 5);
    const seen: number[] = [];
    let after = 0;
    for (;;) {
      const page = pageAfter(all, after, 2);
      seen.push(...page.items.map((i) => i.seq));
      if (!page.next) break;
      after = decodeCursor(page.next);
    }
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('has no next cursor on a last page that is exactly full', () => {
    expect(pageAfter(items(1, 2, 3, 4), 2, 2)).toEqual({ items: items(3, 4), next: null });
  });

  it('neither repeats nor skips when items are deleted between pages', () => {
    const first = pageAfter(items(1, 2, 3, 4, 5), 0, 2);
    // Item 2 (already shown) and 3 (not yet shown) are deleted before the next request.
    const second = pageAfter(items(1, 4, 5), decodeCursor(first.next ?? ''), 2);
    expect(second.items.map((i) => i.seq)).toEqual([4, 5]);
  });

  it('refuses cursors it did not make', () => {
    expect(decodeCursor(encodeCursor(42))).toBe(42);
    expect(() => decodeCursor('not-a-cursor')).toThrow(CursorError);
    expect(() => decodeCursor(Buffer.from('{"after": -1}').toString('base64url'))).toThrow(
      /not one this list/,
    );
  });

  it('reads limit within bounds, naming a bad value', () => {
    expect(readLimit(undefined, 10, 100)).toBe(10);
    expect(readLimit('3', 10, 100)).toBe(3);
    expect(() => readLimit('0', 10, 100)).toThrow('limit must be a whole number from 1 to 100, not "0"');
    expect(() => readLimit('2.5', 10, 100)).toThrow(CursorError);
    expect(() => readLimit('101', 10, 100)).toThrow(CursorError);
  });
});
