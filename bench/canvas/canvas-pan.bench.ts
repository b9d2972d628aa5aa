import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { it } from 'vitest';
import { serializeFlow } from '../../src-shared/flow/parse';
import { startServer } from '../../e2e/fixtures/server';
import { DialogsPage } from '../../e2e/pages/dialogs';
import { timeUntilShown, waitUntilShown, type RenderTiming } from '../../e2e/pages/render-probe';
import { frameStats, startFrames, stopFrames, type FrameStats } from './frame-recorder';
import { panAndZoom } from './gestures';
import { LARGE_FLOW_EDGES, LARGE_FLOW_NODES, largeFlow } from './large-flow';
import { serveFolder } from './static-server';

/**
 * Frame times while panning and zooming the 500-node flow in Flowbench (browser mode,
 * opened through File → Open) against the same graph on a bare @xyflow/react page, in
 * the same Chromium and the same run. Headless software rendering makes absolute numbers
 * slow; the ratio is the result. See bench/README.md.
 */

const REPO = resolve(__dirname, '..', '..');
const BARE_DIR = join(REPO, 'out', 'bench-canvas');
/** Recorded passes per page, alternating app and bare so drift hits both alike. */
const ROUNDS = Number(process.env.BENCH_CANVAS_ROUNDS ?? 3);
const GRAPH = { nodes: LARGE_FLOW_NODES, edges: LARGE_FLOW_EDGES };
const OPEN_BUDGET_MS = 2000;
const GOAL = 0.9;

interface Subject {
  name: string;
  page: Page;
  centre: { x: number; y: number };
  frames: number[];
}

it('pans and zooms a 500-node flow in Flowbench vs bare React Flow', async () => {
  for (const f of [join(REPO, 'out', 'main', 'server.js'), join(BARE_DIR, 'index.html')]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: build first (see bench/README.md)`);
  }
  const server = await startServer();
  const bareServer = await serveFolder(BARE_DIR);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const errors: string[] = [];
  try {
    await writeFile(join(server.dataDir, 'flows', 'large.flow.json'), serializeFlow(largeFlow()));
    const app = await openApp(browser, server.url, errors);
    const bare = await openBare(browser, `${bareServer.url}?${app.view}`, errors);
    const subjects = [app.subject, bare.subject];
    for (const s of subjects) await pass(s, false); // warm-up: JIT, caches, first layout
    for (let r = 0; r < ROUNDS; r++) for (const s of subjects) await pass(s, true);
    if (errors.length > 0) throw new Error(`errors in the pages:\n${errors.join('\n')}`);
    await report(app.open, bare.load, frameStats(bare.subject.frames), frameStats(app.subject.frames));
  } finally {
    await browser.close();
    await bareServer.close();
    await server.stop();
  }
}, 600_000);

async function newPage(browser: Browser, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (m) => m.type() === 'error' && errors.push(`console.error: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return page;
}

/** Opens the app, then large.flow.json through File → Open, timing the Open click. */
async function openApp(
  browser: Browser,
  url: string,
  errors: string[],
): Promise<{ subject: Subject; open: RenderTiming; view: string }> {
  const page = await newPage(browser, errors);
  await page.goto(url);
  await page.locator('html[data-app-state="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
  const openButton = await new DialogsPage(page).chooseFileToOpen('large.flow.json');
  const open = await timeUntilShown(page, GRAPH, () => openButton.click());
  // The bare page gets the app's canvas size and viewport, so both show the same nodes at the same zoom.
  const box = await page.locator('.react-flow').boundingBox();
  const transform = await page
    .locator('.react-flow__viewport')
    .evaluate((el) => el.getAttribute('style') ?? '');
  const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/.exec(transform);
  if (!box || !m) throw new Error(`cannot read the app's canvas (${transform})`);
  const view = new URLSearchParams({
    w: String(box.width),
    h: String(box.height),
    x: m[1],
    y: m[2],
    zoom: m[3],
  });
  return {
    subject: { name: 'Flowbench', page, centre: await emptySpot(page), frames: [] },
    open,
    view: String(view),
  };
}

async function openBare(
  browser: Browser,
  url: string,
  errors: string[],
): Promise<{ subject: Subject; load: RenderTiming }> {
  const page = await newPage(browser, errors);
  await page.goto(url);
  const load = await waitUntilShown(page, GRAPH);
  return { subject: { name: 'bare @xyflow/react', page, centre: await emptySpot(page), frames: [] }, load };
}

/** A point near the canvas centre where nothing but the pane is, so a drag pans instead of moving a node. */
async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('no canvas pane');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let r = 0; r < 200; r += 8) {
    for (const [dx, dy] of [
      [0, 0],
      [r, 0],
      [-r, 0],
      [0, r],
      [0, -r],
      [r, r],
      [-r, -r],
      [r, -r],
      [-r, r],
    ]) {
      const hit = await page.evaluate(
        ([x, y]) =>
          (globalThis as unknown as HitGlobals).document
            .elementFromPoint(x, y)
            ?.classList.contains('react-flow__pane'),
        [cx + dx, cy + dy],
      );
      if (hit) return { x: cx + dx, y: cy + dy };
    }
  }
  throw new Error('no empty spot near the canvas centre');
}

interface HitGlobals {
  document: {
    elementFromPoint(x: number, y: number): { classList: { contains(c: string): boolean } } | null;
  };
}

async function pass(s: Subject, record: boolean): Promise<void> {
  await s.page.bringToFront();
  await startFrames(s.page);
  await panAndZoom(s.page, s.centre);
  const frames = await stopFrames(s.page);
  if (record) s.frames.push(...frames);
}

async function report(
  open: RenderTiming,
  load: RenderTiming,
  bare: FrameStats,
  app: FrameStats,
): Promise<void> {
  const row = (name: string, s: FrameStats): string =>
    [
      name.padEnd(20),
      s.frames,
      s.fps.toFixed(1),
      s.p50.toFixed(1),
      s.p95.toFixed(1),
      s.max.toFixed(1),
      s.dropped,
    ]
      .map((v, i) => (i === 0 ? v : String(v).padStart(8)))
      .join('');
  const p95Ratio = bare.p95 / app.p95;
  const fpsRatio = app.fps / bare.fps;
  const verdict = (ok: boolean): string => (ok ? 'ok' : 'BELOW GOAL');
  const lines = [
    '',
    `Canvas: ${GRAPH.nodes} nodes, ${GRAPH.edges} edges; ${ROUNDS} recorded pan+zoom passes per page (headless Chromium, software rendering)`,
    `${'page'.padEnd(20)}${['frames', 'fps', 'p50 ms', 'p95 ms', 'max ms', '>33 ms'].map((h) => h.padStart(8)).join('')}`,
    row('bare @xyflow/react', bare),
    row('Flowbench', app),
    `Flowbench open (Open click → all nodes and edges shown): ${open.renderedMs.toFixed(0)} ms, settled ${open.settledMs.toFixed(0)} ms (budget ${OPEN_BUDGET_MS} ms: ${verdict(open.settledMs < OPEN_BUDGET_MS)})`,
    `bare page load (navigation → shown): ${load.renderedMs.toFixed(0)} ms, settled ${load.settledMs.toFixed(0)} ms`,
    `ratio p95 frame time (bare / Flowbench): ${p95Ratio.toFixed(2)} (goal ≥ ${GOAL}: ${verdict(p95Ratio >= GOAL)})`,
    `ratio fps (Flowbench / bare):            ${fpsRatio.toFixed(2)} (goal ≥ ${GOAL}: ${verdict(fpsRatio >= GOAL)})`,
  ];
  console.log(lines.join('\n'));
  const dir = join(REPO, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `canvas-pan-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(
    file,
    `${JSON.stringify({ rounds: ROUNDS, open, load, bare, app, p95Ratio, fpsRatio }, null, 2)}\n`,
  );
}
