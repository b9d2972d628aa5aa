import { describe, expect, it } from 'vitest';
import { fitText, wrapText, xmlEscape } from './svg-text';

describe('svg text', () => {
  it('escapes markup and drops characters XML does not allow', () => {
    expect(xmlEscape(`<a href="x">&'\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });

  it('cuts text to a width with an ellipsis', () => {
    expect(fitText('abcdefghij', 60, 10)).toBe('abcdefghij');
    expect(fitText('abcdefghijk', 60, 10)).toBe('abcdefghi…');
  });

  it('wraps at spaces, cuts words longer than a line, and keeps empty paragraphs', () => {
    // 56 px at 10 px and 0.56 em per character: 10 characters a line.
    expect(wrapText('one two three four', 56, 10)).toEqual(['one two', 'three four']);
    expect(wrapText('abcdefghijklmno xy', 56, 10)).toEqual(['abcdefghij', 'klmno xy']);
    expect(wrapText('', 56, 10)).toEqual(['']);
  });
});
