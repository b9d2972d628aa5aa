import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Parser } from '@asyncapi/parser';
import type { Browser, Page } from '@playwright/test';
import { NODE_CATALOG } from '../src-shared/flow/node-catalog';
import type { NodeKind } from '../src-shared/flow/node-kinds';
import { expect, test } from './fixtures/app';
import { ExportPage } from './pages/export';
import { TemplatesPage } from './pages/templates';
import type { Workbench } from './pages/workbench';

// Browser code as text: e2e files are type-checked for Node, without DOM types.
/** Size of the PNG in the page and the colours at the given pixels. */
const pngPixels = (points: Array<[number, number]>): string => `(async () => {
  const img = document.querySelector('img');
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.naturalWidth;
  c.height = img.naturalHeight;
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const points = ${JSON.stringify(points)};
  return {
    width: img.naturalWidth,
    height: img.naturalHeight,
    colours: points.map(([x, y]) => [...ctx.getImageData(x, y, 1, 1).data]),
  };
})()`;

const rgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

type Box = { x: number; y: number; width: number; height: number };

/** Boxes of the canvas's nodes on the page, by node id. */
async function canvasBoxes(workbench: Workbench): Promise<Map<string, Box>> {
  const boxes = new Map<string, Box>();
  for (const id of await workbench.canvas.nodeIds()) boxes.set(id, await workbench.canvas.box(id));
  return boxes;
}

/** Opens SVG text in a page of its own at 1:1 and returns its node boxes (the first rect of each node). */
async function renderSvg(
  browser: Browser,
  svg: string,
): Promise<{ page: Page; boxes: Map<string, Box>; kinds: Map<string, string> }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
  await page.setContent(`<!doctype html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, '')}</body>`);
  const boxes = new Map<string, Box>();
  const kinds = new Map<string, string>();
  for (const node of await page.locator('svg .fb-export-node').all()) {
    const id = (await node.getAttribute('data-id')) ?? '';
    kinds.set(id, (await node.getAttribute('data-kind')) ?? '');
    const box = await node.locator('rect').first().boundingBox();
    if (box) boxes.set(id, box);
  }
  return { page, boxes, kinds };
}

/**
 * Expects the exported boxes to sit where the canvas shows its nodes: the same offsets from
 * a reference node once the canvas zoom is taken out, and the same sizes, within `tolerance`.
 */
function expectSameLayout(canvas: Map<string, Box>, exported: Map<string, Box>, tolerance: number): void {
  expect([...exported.keys()].sort()).toEqual([...canvas.keys()].sort());
  const [refId] = [...canvas.keys()];
  const refCanvas = canvas.get(refId ?? '') as Box;
  const refExport = exported.get(refId ?? '') as Box;
  const zoom = refCanvas.width / refExport.width;
  for (const [id, c] of canvas) {
    const e = exported.get(id) as Box;
    const where = `node ${id}`;
    expect(Math.abs((c.x - refCanvas.x) / zoom - (e.x - refExport.x)), where).toBeLessThan(tolerance);
    expect(Math.abs((c.y - refCanvas.y) / zoom - (e.y - refExport.y)), where).toBeLessThan(tolerance);
    expect(Math.abs(c.width / zoom - e.width), where).toBeLessThan(tolerance);
    expect(Math.abs(c.height / zoom - e.height), where).toBeLessThan(tolerance);
  }
}

test('exports the flow as SVG and PNG laid out as on the canvas, a selection, and Mermaid to the clipboard', async ({
  workbench,
  server,
  page,
  browser,
}, testInfo) => {
  const templates = new TemplatesPage(page);
  await templates.openGallery();
  await templates.choose('Saga, choreography');
  await templates.closeExplanation();
  const exporter = new ExportPage(page);
  await workbench.screenshot(testInfo, '01-canvas');
  const canvas = await canvasBoxes(workbench);
  expect(canvas.size).toBeGreaterThan(5);

  // SVG of the whole flow: vector only, nodes where the canvas has them.
  await exporter.open();
  await exporter.format('SVG image (vector)');
  await exporter.background('Light theme');
  await workbench.screenshot(testInfo, '02-dialog');
  const svgPath = await exporter.exportFile();
  expect(svgPath.startsWith(`${server.dataDir}/flows/`)).toBe(true);
  const svg = readFileSync(svgPath, 'utf8');
  expect(svg).not.toContain('foreignObject');
  await testInfo.attach('exported.svg', { path: svgPath, contentType: 'image/svg+xml' });
  const rendered = await renderSvg(browser, svg);
  await rendered.page.screenshot({ path: testInfo.outputPath('03-svg.png') });
  await testInfo.attach('03-svg', { path: testInfo.outputPath('03-svg.png'), contentType: 'image/png' });
  expectSameLayout(canvas, rendered.boxes, 2);

  // PNG at 2x on a transparent background: twice the SVG's size, clear corners, opaque nodes.
  await exporter.open();
  await exporter.format('PNG image');
  await exporter.scale('2x');
  await exporter.background('Transparent');
  const pngPath = await exporter.exportFile();
  const png = readFileSync(pngPath);
  const svgSize = /width="([\d.]+)" height="([\d.]+)"/.exec(svg) ?? [];
  const viewer = await browser.newPage();
  await viewer.setContent(`<img src="data:image/png;base64,${png.toString('base64')}">`);
  // Each card's coloured top border, sampled where the SVG (checked against the canvas above) has it.
  const cards = [...rendered.boxes].filter(
    ([id]) => !['group', 'note'].includes(rendered.kinds.get(id) ?? ''),
  );
  const points: Array<[number, number]> = [
    [1, 1],
    ...cards.map(([, b]): [number, number] => [
      Math.round((b.x + b.width / 2) * 2),
      Math.round((b.y + 1) * 2),
    ]),
  ];
  const pixels = (await viewer.evaluate(pngPixels(points))) as {
    width: number;
    height: number;
    colours: number[][];
  };
  expect(pixels.width).toBe(Math.ceil(Number(svgSize[1]) * 2));
  expect(pixels.height).toBe(Math.ceil(Number(svgSize[2]) * 2));
  expect(pixels.colours[0]?.[3], 'transparent corner').toBe(0);
  cards.forEach(([id], i) => {
    const expected = rgb(NODE_CATALOG[rendered.kinds.get(id) as NodeKind].color);
    const actual = pixels.colours[i + 1] ?? [];
    for (let c = 0; c < 3; c++)
      expect(Math.abs((actual[c] ?? 0) - (expected[c] ?? 0)), `colour of ${id}`).toBeLessThan(24);
  });
  await testInfo.attach('exported.png', { path: pngPath, contentType: 'image/png' });
  await viewer.screenshot({ path: testInfo.outputPath('04-png.png') });
  await testInfo.attach('04-png', { path: testInfo.outputPath('04-png.png'), contentType: 'image/png' });
  await viewer.close();
  await rendered.page.close();

  // A selection exports only the selected node.
  const [firstId] = [...canvas.keys()].filter((id) => !id.includes('note') && !id.includes('context'));
  await workbench.canvas.select(firstId ?? '');
  await exporter.open();
  await exporter.format('SVG image (vector)');
  await exporter.scope(/^Selection \(1 node\)/);
  await exporter.fileName('just-one');
  const partPath = await exporter.exportFile();
  expect(partPath.endsWith('/just-one.svg')).toBe(true);
  const part = readFileSync(partPath, 'utf8');
  expect(part.match(/class="fb-export-node"/g)).toHaveLength(1);
  expect(part).toContain(`data-id="${firstId}"`);

  // Mermaid to the clipboard, whole flow.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await exporter.open();
  await exporter.format('Mermaid flowchart');
  await exporter.scope('Whole flow');
  await exporter.copy();
  const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
  expect(copied).toMatch(/^---\ntitle: "Saga/);
  expect(copied).toContain('flowchart LR');
  expect(copied).toContain('subgraph');
});

test('exports a recorded trace as a Mermaid sequence diagram, and AsyncAPI with schemas from recorded messages', async ({
  workbench,
  page,
  browser,
}, testInfo) => {
  const templates = new TemplatesPage(page);
  await templates.openGallery();
  await templates.choose('Publish/subscribe');
  await templates.closeExplanation();
  await workbench.toolbar.run();
  await workbench.toolbar.waitForRunState('running');
  await workbench.messages.openNewest();
  await expect(workbench.messages.trace()).toContainText('deliver');
  await workbench.toolbar.stop();
  await workbench.toolbar.waitForRunState('stopped', 'idle');

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const exporter = new ExportPage(page);
  await exporter.open();
  await exporter.format('Mermaid sequence diagram of a trace');
  // The selected message's trace is filled in.
  await expect(exporter.dialog.getByLabel('Trace id')).toHaveValue(/^[0-9a-f]{32}$/);
  await workbench.screenshot(testInfo, '01-trace-dialog');
  await exporter.copy();
  const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
  writeFileSync(testInfo.outputPath('trace.mmd'), copied);
  await testInfo.attach('trace.mmd', { path: testInfo.outputPath('trace.mmd'), contentType: 'text/plain' });
  expect(copied).toMatch(/^sequenceDiagram\n/);
  expect(copied).toContain('participant p_publisher as order events');
  expect(copied).toMatch(/->>.*: deliver /);
  // The produce is drawn before the deliveries it caused.
  expect(copied.indexOf(': produce ')).toBeLessThan(copied.indexOf(': deliver '));

  const checker = await browser.newPage();
  await checker.setContent('<!doctype html><body></body>');
  await checker.addScriptTag({ path: join(__dirname, '../node_modules/mermaid/dist/mermaid.min.js') });
  const parsed = await checker.evaluate(
    `window.mermaid.parse(${JSON.stringify(copied)}).then((r) => r.diagramType, (e) => 'error: ' + e.message)`,
  );
  expect(parsed).toBe('sequence');
  await checker.close();

  // AsyncAPI of the flow, with payload examples taken from what the run recorded.
  await exporter.open();
  await exporter.format('AsyncAPI 3.0 document');
  await expect(exporter.dialog.getByRole('checkbox', { name: /recorded messages/ })).toBeChecked();
  const asyncApiText = readFileSync(await exporter.exportFile(), 'utf8');
  const { diagnostics } = await new Parser().parse(asyncApiText);
  expect(diagnostics.filter((d) => d.severity === 0).map((d) => d.message)).toEqual([]);
  const asyncApi = parse(asyncApiText) as {
    asyncapi: string;
    components: { messages: Record<string, { examples?: Array<{ payload: unknown }> }> };
  };
  expect(asyncApi.asyncapi).toBe('3.0.0');
  const examples = Object.values(asyncApi.components.messages).flatMap((m) => m.examples ?? []);
  expect(examples.length).toBeGreaterThan(0);
});
