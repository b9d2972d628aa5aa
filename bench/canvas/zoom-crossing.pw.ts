/*
 * The frame in which a wheel notch crosses the overview zoom (0.45), in and out, A/B between
 * renderer builds served by the same server (bench/README.md, "The frame in which a zoom
 * crosses 0.45"). Build, copy the old out/renderer somewhere, then:
 *   ZH_VARIANTS="before=/tmp/old/renderer,after=$PWD/out/renderer" ZH_ROUNDS=5 \
 *     npx playwright test -c bench/canvas/zoom-crossing.config.ts
 * Prints per round the longest animation-frame gap and the long-animation-frame entry
 * (total, and its style/layout/paint part); checks node sizes and handle positions are the
 * same in both modes; writes screenshots of both modes to /tmp/zh-<variant>-*.png.
 * ZH_TRACE=1 also writes a Chromium trace of each crossing to /tmp/zh-trace-*.json.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { largeFlow } from './large-flow';
import { serializeFlow } from '../../src-shared/flow/parse';
import { Workbench } from '../../e2e/pages/workbench';
import { ViewportPage } from '../../e2e/pages/viewport';

const REPO = resolve(__dirname, '..', '..');
const VARIANTS = (process.env.ZH_VARIANTS ?? `after=${join(REPO, 'out/renderer')}`)
  .split(',')
  .map((v) => v.split('='));
const ROUNDS = Number(process.env.ZH_ROUNDS ?? 4);

async function server(rendererDir: string): Promise<{ url: string; dataDir: string; stop: () => void }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'zh-'));
  await mkdir(join(dataDir, 'flows'), { recursive: true });
  await writeFile(join(dataDir, 'flows', 'large.flow.json'), serializeFlow(largeFlow()));
  const child = spawn(
    process.execPath,
    [join(REPO, 'out/main/server.js'), '--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir],
    {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const url = await new Promise<string>((res) => {
    child.stdout.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /Flowbench browser mode: (\S+)/.exec(log);
      if (m) res(m[1]);
    });
  });
  return { url, dataDir, stop: () => child.kill('SIGTERM') };
}

async function install(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as {
      zh: { frames: number[]; loaf: { start: number; dur: number; style: number; render: number }[] };
      requestAnimationFrame: (cb: (t: number) => void) => number;
    };
    const requestAnimationFrame = w.requestAnimationFrame.bind(w);
    w.zh = { frames: [], loaf: [] };
    const tick = (t: number): void => {
      w.zh.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as {
        startTime: number;
        duration: number;
        styleAndLayoutStart: number;
        renderStart: number;
      }[]) {
        const end = e.startTime + e.duration;
        w.zh.loaf.push({
          start: e.startTime,
          dur: e.duration,
          style: end - e.styleAndLayoutStart,
          render: end - e.renderStart,
        });
      }
    }).observe({ type: 'long-animation-frame' } as unknown as Parameters<
      InstanceType<typeof PerformanceObserver>['observe']
    >[0]);
  });
}

async function crossing(
  page: Page,
  viewport: ViewportPage,
  notches: number,
): Promise<{ frame: number; loaf: number; style: number; render: number }> {
  const t0 = await page.evaluate(() => performance.now());
  if (process.env.ZH_TRACE)
    await page
      .context()
      .browser()!
      .startTracing(page, {
        path: `/tmp/zh-trace-${notches}.json`,
        categories: ['devtools.timeline', 'blink', 'disabled-by-default-devtools.timeline'],
      });
  await viewport.wheel(notches);
  await page.waitForTimeout(900);
  if (process.env.ZH_TRACE) await page.context().browser()!.stopTracing();
  return page.evaluate((t0) => {
    const w = globalThis as unknown as {
      zh: { frames: number[]; loaf: { start: number; dur: number; style: number; render: number }[] };
    };
    const f = w.zh.frames.filter((t) => t > t0);
    let max = 0;
    for (let i = 1; i < f.length; i++) max = Math.max(max, f[i] - f[i - 1]);
    const l = w.zh.loaf.filter((e) => e.start > t0 - 50);
    const worst = l.sort((a, b) => b.dur - a.dur)[0] ?? { dur: 0, style: 0, render: 0 };
    return { frame: max, loaf: worst.dur, style: worst.style, render: worst.render };
  }, t0);
}

test('zoom crossing', async ({ browser }) => {
  test.setTimeout(600_000);
  const pages: { name: string; page: Page; viewport: ViewportPage; stop: () => void }[] = [];
  for (const [name, dir] of VARIANTS) {
    const s = await server(dir);
    const page = await browser.newPage();
    await page.goto(s.url);
    await expect(page.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 30_000 });
    const wb = new Workbench(page);
    await (await wb.dialogs.chooseFileToOpen('large.flow.json')).click();
    await expect(wb.canvas.nodes()).toHaveCount(500);
    const viewport = new ViewportPage(page);
    await page.waitForTimeout(1500);
    // Zoom in until just below the line.
    for (let i = 0; i < 30; i++) {
      const z = (await viewport.current()).zoom;
      if (z * 1.2 > 0.45 && z < 0.45) break;
      await viewport.wheel(z < 0.45 ? -1 : 1);
      await page.waitForTimeout(200);
    }
    await install(page);
    pages.push({ name, page, viewport, stop: s.stop });
  }
  const results: Record<string, string[]> = {};
  for (let r = 0; r < ROUNDS; r++) {
    for (const p of pages) {
      await p.page.bringToFront();
      await p.page.waitForTimeout(500);
      const z0 = (await p.viewport.current()).zoom;
      const inn = await crossing(p.page, p.viewport, -1);
      const z1 = (await p.viewport.current()).zoom;
      const out = await crossing(p.page, p.viewport, 1);
      const z2 = (await p.viewport.current()).zoom;
      const line = `in(${z0.toFixed(3)}→${z1.toFixed(3)}) frame ${inn.frame.toFixed(0)} loaf ${inn.loaf.toFixed(0)} style+layout+paint ${inn.style.toFixed(0)} render ${inn.render.toFixed(0)} | out(→${z2.toFixed(3)}) frame ${out.frame.toFixed(0)} loaf ${out.loaf.toFixed(0)} style ${out.style.toFixed(0)} render ${out.render.toFixed(0)}`;
      (results[p.name] ??= []).push(line);
      console.log(p.name, line);
    }
  }
  for (const p of pages) {
    const sizes = (): Promise<string> =>
      p.page.locator('.react-flow__node').evaluateAll((els) =>
        els
          .map((el) => {
            const n = el as unknown as {
              offsetWidth: number;
              offsetHeight: number;
              offsetLeft: number;
              offsetTop: number;
            };
            return `${n.offsetWidth}x${n.offsetHeight}`;
          })
          .join(','),
      );
    const handles = (): Promise<string> =>
      p.page.locator('.react-flow__handle').evaluateAll((els) =>
        els
          .map((el) => {
            const n = el as unknown as {
              offsetWidth: number;
              offsetHeight: number;
              offsetLeft: number;
              offsetTop: number;
            };
            return `${n.offsetLeft},${n.offsetTop}`;
          })
          .join(','),
      );
    const so = await sizes();
    const ho = await handles();
    await p.page.screenshot({ path: `/tmp/zh-${p.name}-overview.png` });
    await p.viewport.wheel(-1);
    await p.page.waitForTimeout(800);
    await p.page.screenshot({ path: `/tmp/zh-${p.name}-detail.png` });
    const sd = await sizes();
    const hd = await handles();
    console.log(
      p.name,
      'sizes same in both modes:',
      so === sd,
      'handles same:',
      ho === hd,
      'sizes',
      so.slice(0, 120),
    );
    await writeFile(`/tmp/zh-${p.name}-sizes.txt`, so + '\n' + sd + '\n' + ho + '\n' + hd);
    p.stop();
  }
});
