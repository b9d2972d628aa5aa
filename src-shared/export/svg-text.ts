/** Escapes text for XML content and attribute values (payload-derived names are untrusted). */
export function xmlEscape(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Control characters are not allowed in XML 1.0 at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

/**
 * Cuts text to fit `width` pixels at `fontSize`, ending in "…", as the canvas's CSS ellipsis
 * does. SVG has no text overflow of its own, so the width is estimated per character.
 */
export function fitText(text: string, width: number, fontSize: number, charWidth = 0.6): string {
  const max = Math.max(1, Math.floor(width / (fontSize * charWidth)));
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** A number written short and exact enough for coordinates. */
export function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * Breaks text into lines that fit `width` pixels at `fontSize`, at spaces where it can (a
 * word longer than a line is cut), as the canvas wraps notes and group descriptions.
 */
export function wrapText(text: string, width: number, fontSize: number, charWidth = 0.56): string[] {
  const max = Math.max(4, Math.floor(width / (fontSize * charWidth) + 1e-9));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > max) {
      if (line) lines.push(line);
      lines.push(rest.slice(0, max));
      rest = rest.slice(max);
      line = '';
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= max) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
