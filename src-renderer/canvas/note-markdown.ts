/**
 * A tiny Markdown subset for canvas notes, parsed to plain data that NoteText renders as
 * React elements: never HTML, so a note cannot inject markup or script. Supported:
 * `#`–`###` headings, `-`/`*` and `1.` lists, paragraphs with their line breaks kept,
 * and inline `**bold**`, `*italic*`/`_italic_` and `` `code` ``.
 */

/** A run of text inside a line. */
export type Inline = { type: 'text' | 'strong' | 'em' | 'code'; text: string };

/** A block of a note: a heading, a list, or a paragraph of lines. */
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; content: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'paragraph'; lines: Inline[][] };

const INLINE = /(\*\*[^*\n]+\*\*|`[^`\n]+`|\*[^*\s][^*\n]*\*|_[^_\s][^_\n]*_)/;

/** Splits one line into text, bold, italic and code runs. */
export function parseInline(line: string): Inline[] {
  const out: Inline[] = [];
  for (const part of line.split(INLINE)) {
    if (!part) continue;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) {
      out.push({ type: 'strong', text: part.slice(2, -2) });
    } else if (part.startsWith('`') && part.endsWith('`') && part.length > 2) {
      out.push({ type: 'code', text: part.slice(1, -1) });
    } else if (/^([*_]).+\1$/.test(part)) {
      out.push({ type: 'em', text: part.slice(1, -1) });
    } else {
      out.push({ type: 'text', text: part });
    }
  }
  return out;
}

/** Reads note text into blocks; anything unrecognised is a paragraph line, kept as typed. */
export function parseNote(text: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const last = blocks[blocks.length - 1];
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      blocks.push({ type: 'paragraph', lines: [] });
    } else if (heading) {
      blocks.push({
        type: 'heading',
        level: heading[1].length as 1 | 2 | 3,
        content: parseInline(heading[2]),
      });
    } else if (bullet || numbered) {
      const ordered = !bullet;
      const content = parseInline((bullet ?? numbered)![1]);
      if (last?.type === 'list' && last.ordered === ordered) last.items.push(content);
      else blocks.push({ type: 'list', ordered, items: [content] });
    } else if (last?.type === 'paragraph') {
      last.lines.push(parseInline(line));
    } else {
      blocks.push({ type: 'paragraph', lines: [parseInline(line)] });
    }
  }
  // Blank lines only separate blocks; drop the empty paragraphs they leave.
  return blocks.filter((b) => b.type !== 'paragraph' || b.lines.length > 0);
}
