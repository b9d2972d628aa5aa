import type { Page } from '@playwright/test';

/** Frame-time statistics of one recorded gesture. */
export interface FrameStats {
  frames: number;
  /** Frames per second over the whole recording. */
  fps: number;
  p50: number;
  p95: number;
  max: number;
  /** Frames that took longer than two 60 Hz frames (> 33.4 ms): visible stutter. */
  dropped: number;
}

/** The page-side globals the recorder uses (bench code is type-checked without the DOM library). */
interface RecorderGlobals {
  requestAnimationFrame(cb: (t: number) => void): number;
  __fbFrames?: { times: number[]; on: boolean };
}

/** Starts recording the time of every animation frame in the page. */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as RecorderGlobals;
    const rec = { times: [] as number[], on: true };
    g.__fbFrames = rec;
    const tick = (t: number): void => {
      rec.times.push(t);
      if (rec.on) g.requestAnimationFrame(tick);
    };
    g.requestAnimationFrame(tick);
  });
}

/** Stops the recording and returns the time between consecutive frames, in ms. */
export async function stopFrames(page: Page): Promise<number[]> {
  const times = await page.evaluate(() => {
    const rec = (globalThis as unknown as RecorderGlobals).__fbFrames;
    if (!rec) throw new Error('startFrames was not called');
    rec.on = false;
    return rec.times;
  });
  return times.slice(1).map((t, i) => t - times[i]);
}

/** Nearest-rank percentile of frame intervals; the recording of several passes can be pooled. */
export function frameStats(intervals: number[]): FrameStats {
  const sorted = [...intervals].sort((a, b) => a - b);
  const total = intervals.reduce((a, b) => a + b, 0);
  const pct = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return {
    frames: intervals.length,
    fps: total > 0 ? (intervals.length * 1000) / total : 0,
    p50: pct(50),
    p95: pct(95),
    max: sorted[sorted.length - 1],
    dropped: intervals.filter((ms) => ms > 33.4).length,
  };
}
