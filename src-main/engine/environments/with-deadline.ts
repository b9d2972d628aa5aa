import { performance } from 'node:perf_hooks';

/** Whole milliseconds since `started` (a `performance.now()` reading). */
export function elapsedSince(started: number): number {
  return Math.round(performance.now() - started);
}

/** Resolves like `work`, or rejects with `message` once `ms` have passed; clears its timer either way. */
export async function withDeadline<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
