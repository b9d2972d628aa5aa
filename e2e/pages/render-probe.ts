import type { Page } from '@playwright/test';

/** How long a graph took to appear, measured inside the page by animation frame. */
export interface RenderTiming {
  /** From the trigger to the first frame with every node measured and every edge drawn. */
  renderedMs: number;
  /** From the trigger to the start of the first calm stretch (no frame over 50 ms) after that. */
  settledMs: number;
}

export interface ExpectedGraph {
  nodes: number;
  edges: number;
}

/**
 * The little of the DOM these probes touch. The e2e and bench code is type-checked
 * without the DOM library (it runs in Node), so the page side is typed here by hand.
 */
interface ProbeGlobals {
  requestAnimationFrame(cb: (t: number) => void): number;
  performance: { now(): number };
  document: {
    querySelectorAll(selector: string): ArrayLike<{ style: { visibility: string } }>;
    addEventListener(
      type: 'click',
      cb: (e: { timeStamp: number }) => void,
      options: { capture: true; once: true },
    ): void;
  };
  __fbRenderProbe?: Promise<RenderTiming>;
}

/**
 * Arms a probe in the page, runs `act` (a click that loads a graph) and resolves with the
 * time from that click, as the page saw it, until the graph is on screen. Measuring in the
 * page keeps Playwright's polling and round trips out of the number.
 */
export async function timeUntilShown(
  page: Page,
  expected: ExpectedGraph,
  act: () => Promise<void>,
  timeoutMs = 30_000,
): Promise<RenderTiming> {
  await page.evaluate(pageProbe, { ...expected, timeoutMs, on: 'click' as const });
  await act();
  return page.evaluate(
    () => (globalThis as unknown as ProbeGlobals).__fbRenderProbe as Promise<RenderTiming>,
  );
}

/** Waits until the graph is on screen after a page load; times count from navigation start. */
export async function waitUntilShown(
  page: Page,
  expected: ExpectedGraph,
  timeoutMs = 30_000,
): Promise<RenderTiming> {
  return page.evaluate(pageProbe, { ...expected, timeoutMs, on: 'load' as const }) as Promise<RenderTiming>;
}

/**
 * Runs in the page, so it must be self-contained (Playwright sends its source text).
 * Checks once per animation frame until every node is measured and every edge drawn,
 * then watches 500 ms more to find where the frames calm down.
 */
function pageProbe(
  a: ExpectedGraph & { timeoutMs: number; on: 'click' | 'load' },
): Promise<RenderTiming> | undefined {
  const g = globalThis as unknown as ProbeGlobals;
  const shown = (): boolean => {
    const nodes = g.document.querySelectorAll('.react-flow__node');
    if (nodes.length !== a.nodes) return false;
    // React Flow hides a node until it has measured it.
    for (let i = 0; i < nodes.length; i++) if (nodes[i].style.visibility === 'hidden') return false;
    return g.document.querySelectorAll('.react-flow__edge').length === a.edges;
  };
  const watch = (from: number): Promise<RenderTiming> =>
    new Promise((resolve, reject) => {
      let rendered = -1;
      const frames: number[] = [];
      const tick = (t: number): void => {
        if (t - from > a.timeoutMs)
          return reject(new Error(`the graph was not shown within ${a.timeoutMs} ms`));
        if (rendered < 0 && shown()) rendered = t;
        if (rendered >= 0) frames.push(t);
        if (rendered >= 0 && t - rendered > 500) {
          let calm = frames.length - 1;
          while (calm > 0 && frames[calm] - frames[calm - 1] <= 50) calm--;
          return resolve({ renderedMs: rendered - from, settledMs: frames[calm] - from });
        }
        g.requestAnimationFrame(tick);
      };
      g.requestAnimationFrame(tick);
    });
  if (a.on === 'load') return watch(0);
  g.__fbRenderProbe = new Promise<RenderTiming>((resolve, reject) => {
    // The event's own time stamp is when the click reached the page, before any handler ran.
    const onClick = (e: { timeStamp: number }): void => void watch(e.timeStamp).then(resolve, reject);
    g.document.addEventListener('click', onClick, { capture: true, once: true });
  });
  return undefined;
}
