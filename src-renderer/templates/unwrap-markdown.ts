/**
 * Joins Markdown's soft line breaks: a line that continues a paragraph or a list item is
 * appended to it, as Markdown renders it. Template explanations are wrapped at 100 columns
 * in their files; notes (which keep the breaks a user typed) do not go through this.
 */
export function unwrapMarkdown(text: string): string {
  const out: string[] = [];
  const starts = (line: string): boolean => /^\s*(#{1,3}\s|[-*]\s|\d+[.)]\s)/.test(line);
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const previous = out[out.length - 1];
    const continues =
      line.trim() !== '' &&
      !starts(line) &&
      previous !== undefined &&
      previous.trim() !== '' &&
      !/^\s*#/.test(previous);
    if (continues) out[out.length - 1] = `${previous} ${line.trim()}`;
    else out.push(line);
  }
  return out.join('\n');
}
