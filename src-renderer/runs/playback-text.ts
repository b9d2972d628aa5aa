/** Kinds counted as a node taking a message in, sending one on, or failing. */
const IN = ['deliver', 'redeliver'];
const OUT = ['produce', 'call', 'respond', 'append'];
const BAD = ['error', 'nack', 'invalid', 'unroutable'];

const sum = (kinds: Record<string, number>, names: string[]): number =>
  names.reduce((n, k) => n + (kinds[k] ?? 0), 0);

/** A node's counts at a moment of playback, short enough for a badge: `in 12 · out 12 · ✖ 1`. */
export function playbackBadge(kinds: Record<string, number>): string {
  const parts: string[] = [];
  const inCount = sum(kinds, IN);
  const outCount = sum(kinds, OUT);
  const bad = sum(kinds, BAD);
  if (inCount > 0) parts.push(`in ${inCount}`);
  if (outCount > 0) parts.push(`out ${outCount}`);
  if (bad > 0) parts.push(`✖ ${bad}`);
  return parts.join(' · ');
}

/** Playback speeds offered, as multiples of real time. */
export const PLAYBACK_SPEEDS = [1, 4, 16, 64] as const;
