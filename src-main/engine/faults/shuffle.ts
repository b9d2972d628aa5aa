import type { RandomSource } from './seeded-random';

/**
 * A shuffled copy of `items` (Fisher–Yates) that is never in the original order when it has
 * two or more items: a reorder fault that happened to keep the order would inject nothing.
 */
export function shuffledOutOfOrder<T>(items: readonly T[], random: RandomSource): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  if (out.length >= 2 && out.every((item, i) => item === items[i])) out.push(out.shift() as T);
  return out;
}
