import { describe, expect, it } from 'vitest';
import { hasChanges, lineDiff } from './line-diff';

describe('lineDiff', () => {
  it('keeps common lines and marks the changed one as removed then added', () => {
    const d = lineDiff('{\n  "item": "book",\n  "qty": 1\n}', '{\n  "item": "pen",\n  "qty": 1\n}');
    expect(d).toEqual([
      { op: ' ', text: '{' },
      { op: '-', text: '  "item": "book",' },
      { op: '+', text: '  "item": "pen",' },
      { op: ' ', text: '  "qty": 1' },
      { op: ' ', text: '}' },
    ]);
    expect(hasChanges(d)).toBe(true);
  });

  it('an unchanged text has no changes; added lines at the end are additions', () => {
    expect(hasChanges(lineDiff('a\nb', 'a\nb'))).toBe(false);
    expect(lineDiff('a', 'a\nb')).toEqual([
      { op: ' ', text: 'a' },
      { op: '+', text: 'b' },
    ]);
  });
});
