import { describe, expect, it } from 'vitest';
import { unwrapMarkdown } from './unwrap-markdown';

describe('unwrapMarkdown', () => {
  it('joins the wrapped lines of a paragraph and of a list item, and keeps blocks apart', () => {
    const text = [
      '# Title',
      'First line of a paragraph',
      'and its second line.',
      '',
      '## When to use',
      '',
      '- An item wrapped',
      '  onto the next line.',
      '- Another item.',
      '1. Numbered',
      '   and wrapped.',
    ].join('\n');
    expect(unwrapMarkdown(text)).toBe(
      [
        '# Title',
        'First line of a paragraph and its second line.',
        '',
        '## When to use',
        '',
        '- An item wrapped onto the next line.',
        '- Another item.',
        '1. Numbered and wrapped.',
      ].join('\n'),
    );
  });
});
