import { NODE_CATALOG, type NodeKindInfo } from '@shared/flow/node-catalog';
import { NODE_KINDS, type NodeKind } from '@shared/flow/node-kinds';

/** How well one word of the query matches a kind: lower is better, null is no match. */
function wordScore(info: NodeKindInfo, word: string): number | null {
  const label = info.label.toLowerCase();
  if (label.startsWith(word)) return 0;
  if (label.split(/\s+/).some((w) => w.startsWith(word))) return 1;
  if (info.kind.toLowerCase().includes(word) || info.keywords.split(/\s+/).some((w) => w.startsWith(word)))
    return 2;
  if (info.family.toLowerCase().startsWith(word)) return 3;
  // Inside a word only from three letters on: "q" must not find "rabbitmq exchange".
  if (word.length >= 3 && label.includes(word)) return 3;
  if (word.length >= 3 && info.description.toLowerCase().includes(word)) return 4;
  return null;
}

/**
 * The kinds matching a search, best first (ties in palette order). Every word must match
 * the label, id, keywords, family or description, so "rabbit q" finds the queue.
 */
export function searchKinds(query: string): NodeKind[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...NODE_KINDS];
  const scored: Array<{ kind: NodeKind; score: number; order: number }> = [];
  NODE_KINDS.forEach((kind, order) => {
    let score = 0;
    for (const w of words) {
      const s = wordScore(NODE_CATALOG[kind], w);
      if (s === null) return;
      score += s;
    }
    scored.push({ kind, score, order });
  });
  return scored.sort((a, b) => a.score - b.score || a.order - b.order).map((s) => s.kind);
}
