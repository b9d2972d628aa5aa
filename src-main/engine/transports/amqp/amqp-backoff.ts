/** How long to wait before reconnect attempts: exponential, capped, with jitter. */
export interface BackoffSettings {
  /** Delay before the first attempt after a loss. */
  initialMs: number;
  /** No delay is longer than this (the bound). */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { initialMs: 250, maxMs: 10_000 };

/**
 * The delay before reconnect attempt `attempt` (0-based): initialMs · 2^attempt, capped at
 * maxMs, then spread by ±20 % so many clients cut at once do not return in lockstep.
 */
export function backoffDelay(
  attempt: number,
  settings: BackoffSettings,
  random: () => number = Math.random,
): number {
  const base = Math.min(settings.maxMs, settings.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(Math.min(settings.maxMs, base * (0.8 + 0.4 * random())));
}
