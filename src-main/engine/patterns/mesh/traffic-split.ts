/** One share of traffic: calls go to `target` with probability weight / total. */
export interface Share<T> {
  target: T;
  weight: number;
}

/**
 * Picks a target by weight (a canary 90/10 sends about one call in ten to the canary).
 * `random` is injectable so tests can drive it; shares of weight 0 are never picked.
 */
export function createSplitPicker<T>(
  shares: ReadonlyArray<Share<T>>,
  random: () => number = Math.random,
): () => T {
  const live = shares.filter((s) => s.weight > 0);
  if (live.length === 0) throw new Error('a traffic split needs at least one share with a weight above 0');
  const total = live.reduce((sum, s) => sum + s.weight, 0);
  return () => {
    let point = random() * total;
    for (const s of live) {
      point -= s.weight;
      if (point < 0) return s.target;
    }
    return live[live.length - 1].target;
  };
}
