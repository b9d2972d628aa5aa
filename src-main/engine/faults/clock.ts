/**
 * Time as the fault and behaviour modules see it: injected, so tests drive windows, holds and
 * delays with a manual clock instead of waiting, and the runtime passes the real one.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `fn` once after `ms`; the returned function cancels it (a no-op once it ran). */
  setTimeout(fn: () => void, ms: number): () => void;
}

/** The real clock: Date.now and Node timers (unref'd, so a pending hold never keeps a process alive). */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const timer = setTimeout(fn, ms);
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};

/** Resolves after `ms` on `clock`; at once when `ms` is 0 or less. */
export function sleep(clock: Clock, ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    clock.setTimeout(resolve, ms);
  });
}
