import { describe, expect, it } from 'vitest';
import { parseInline, parseNote } from './note-markdown';

describe('parseInline', () => {
  it('finds bold, italic and code runs, and leaves the rest as text', () => {
    expect(parseInline('a **b** *c* _d_ `e` 2 * 3')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'strong', text: 'b' },
      { type: 'text', text: ' ' },
      { type: 'em', text: 'c' },
      { type: 'text', text: ' ' },
      { type: 'em', text: 'd' },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'e' },
      { type: 'text', text: ' 2 * 3' },
    ]);
  });

  it('keeps markup-looking text as text', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });
});

describe('parseNote', () => {
  it('reads headings, lists and paragraphs with their line breaks', () => {
    const blocks = parseNote('# Orders\nline one\nline two\n\n- a\n- **b**\n1. first\n2. second');
    expect(blocks).toEqual([
      { type: 'heading', level: 1, content: [{ type: 'text', text: 'Orders' }] },
      {
        type: 'paragraph',
        lines: [[{ type: 'text', text: 'line one' }], [{ type: 'text', text: 'line two' }]],
      },
      {
        type: 'list',
        ordered: false,
        items: [[{ type: 'text', text: 'a' }], [{ type: 'strong', text: 'b' }]],
      },
      {
        type: 'list',
        ordered: true,
        items: [[{ type: 'text', text: 'first' }], [{ type: 'text', text: 'second' }]],
      },
    ]);
  });

  it('gives nothing for an empty note', () => {
    expect(parseNote('')).toEqual([]);
    expect(parseNote('\n\n')).toEqual([]);
  });
});
