/**
 * Text safe inside a quoted Mermaid label or message: Mermaid reads `#name;` and `#123;`
 * as entity codes, so quotes, `#`, `;`, angle brackets and line breaks become codes.
 */
export function mermaidText(text: string): string {
  // One pass, so the `#` and `;` of a code already written are not coded again.
  return text.replace(/[\r\n]+/g, ' ').replace(/[#";<>]/g, (ch) => CODES[ch] ?? ch);
}

const CODES: Record<string, string> = { '#': '#35;', '"': '#quot;', ';': '#59;', '<': '#lt;', '>': '#gt;' };

/** Makes unique Mermaid ids (letters, digits, `_`) with a prefix, so no id is a keyword like `end`. */
export function mermaidIds(prefix: string): (key: string) => string {
  const taken = new Map<string, string>();
  const used = new Set<string>();
  return (key) => {
    const known = taken.get(key);
    if (known) return known;
    const base = `${prefix}${key.replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, 60);
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
    used.add(id);
    taken.set(key, id);
    return id;
  };
}
