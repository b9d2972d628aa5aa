import type { TemplateSummary } from '@shared/patterns/template-types';

/** True when every word of the query is found in the template's name, summary, id or node kinds. */
export function matchesQuery(t: TemplateSummary, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = [t.id, t.name, t.summary, ...t.families, ...t.kinds.map((k) => k.label)]
    .join(' ')
    .toLowerCase();
  return words.every((w) => text.includes(w));
}
