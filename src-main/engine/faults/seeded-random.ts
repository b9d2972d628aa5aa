/** A source of uniform numbers in [0, 1), injected so tests can replay the same draws. */
export type RandomSource = () => number;

/**
 * A small, fast seeded generator (mulberry32): the same seed gives the same sequence, good
 * enough for fault and behaviour probabilities (not for anything secret).
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A uniform draw in [center - spread, center + spread], never below 0, rounded to whole ms. */
export function jittered(random: RandomSource, center: number, spread: number): number {
  if (spread <= 0) return Math.max(0, center);
  return Math.max(0, Math.round(center + (2 * random() - 1) * spread));
}
