import type { Page } from '@playwright/test';

/** What one pass does: the same on the app and on the bare page. */
export const PAN_STEPS = 40;
const PAN_STEP_PX = 10;
export const WHEEL_STEPS = 10;
const WHEEL_DELTA = 120;

/**
 * Pans a square (right, down, left, up; PAN_STEPS mouse moves per side) with the left
 * button held on the empty canvas, then zooms in and back out with WHEEL_STEPS wheel
 * notches each, all around `centre`. The gesture ends where it started, so passes repeat.
 * Each input is sent as soon as the page has taken the previous one, as a fast hand would.
 */
export async function panAndZoom(page: Page, centre: { x: number; y: number }): Promise<void> {
  const sides: Array<[number, number]> = [
    [1, 0],
    [0, 1],
    [-1, 0],
    [0, -1],
  ];
  let { x, y } = centre;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (const [dx, dy] of sides) {
    for (let i = 0; i < PAN_STEPS; i++) {
      x += dx * PAN_STEP_PX;
      y += dy * PAN_STEP_PX;
      await page.mouse.move(x, y);
    }
  }
  await page.mouse.up();
  for (const sign of [-1, 1]) {
    for (let i = 0; i < WHEEL_STEPS; i++) {
      await page.mouse.wheel(0, sign * WHEEL_DELTA);
      // The wheel call does not wait for the page; a frame per notch keeps zooming comparable.
      await page.evaluate(
        () => new Promise((r) => (globalThis as unknown as RafGlobal).requestAnimationFrame(r)),
      );
    }
  }
}

interface RafGlobal {
  requestAnimationFrame(cb: (t: number) => void): number;
}
