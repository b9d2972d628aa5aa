import { chromium, type Browser, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTestFlow, SAMPLE_TRACE } from '@shared/export/export-test-flow';
import { flowToSvg } from '@shared/export/flow-svg';
import { flowToMermaid } from '@shared/export/mermaid-flowchart';
import { traceToMermaid } from '@shared/export/mermaid-trace';
import type { FlowDocument } from '@shared/flow/document';
import { parseFlowText } from '@shared/flow/parse';

/*
 * Exports checked by real browser code: Mermaid's own parser (it needs a DOM, so it runs in
 * Chromium from mermaid's dist bundle) and Chromium's XML parser for the SVG.
 */

const ROOT = join(__dirname, '../..');
const TEMPLATES = join(ROOT, 'resources/templates');
const templates: Array<[string, FlowDocument]> = readdirSync(TEMPLATES)
  .filter((f) => f.endsWith('.flow.json'))
  .map((f) => {
    const parsed = parseFlowText(readFileSync(join(TEMPLATES, f), 'utf8'));
    if (!parsed.ok) throw new Error(`${f} does not parse`);
    return [f, parsed.flow];
  });

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ path: join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js') });
  await page.evaluate('window.mermaid.initialize({ startOnLoad: false })');
});

afterAll(async () => {
  await browser?.close();
});

// Browser code as text: this file is type-checked for Node, which has no DOM types.
const MERMAID_PARSE = `async (source) => {
  try {
    return (await window.mermaid.parse(source)).diagramType;
  } catch (err) {
    return 'error: ' + (err && err.message ? err.message : String(err));
  }
}`;
const XML_PARSE = `(source) => {
  const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
  const error = doc.querySelector('parsererror');
  return {
    error: error ? error.textContent || 'parse error' : null,
    root: doc.documentElement.namespaceURI + ' ' + doc.documentElement.localName,
    foreignObjects: doc.getElementsByTagName('foreignObject').length,
    nodes: doc.querySelectorAll('.fb-export-node').length,
  };
}`;

/** Runs browser code (a function's source) on one string argument in the page. */
function inPage<T>(fn: string, arg: string): Promise<T> {
  return page.evaluate(`(${fn})(${JSON.stringify(arg)})`) as Promise<T>;
}

/** Mermaid's verdict on a diagram: its diagram type, or the parser's error message. */
const mermaidParse = (text: string): Promise<string> => inPage<string>(MERMAID_PARSE, text);

/** Chromium's XML parser on SVG text: the parse error, or the root element and what it holds. */
const xmlParse = (
  svg: string,
): Promise<{ error: string | null; root: string; foreignObjects: number; nodes: number }> =>
  inPage(XML_PARSE, svg);

describe('Mermaid exports parse with mermaid 11 in Chromium', () => {
  it('rejects a broken diagram, so a clean parse below means something', async () => {
    expect(await mermaidParse('flowchart LR\n  a -->|"x| b[')).toMatch(/^error/);
  });

  it.each(templates)('flowchart of %s', async (_file, flow) => {
    expect(await mermaidParse(flowToMermaid(flow))).toMatch(/^flowchart/);
  });

  it('flowchart with groups, escaped names and a node named "end"', async () => {
    expect(await mermaidParse(flowToMermaid(exportTestFlow()))).toMatch(/^flowchart/);
  });

  it('sequence diagram of a trace', async () => {
    expect(await mermaidParse(traceToMermaid(SAMPLE_TRACE, exportTestFlow()))).toBe('sequence');
  });
});

describe('SVG exports are well-formed XML without foreignObject', () => {
  it.each([...templates, ['the test flow', exportTestFlow()] as [string, FlowDocument]])(
    '%s',
    async (_name, flow) => {
      for (const background of ['light', 'dark', 'transparent'] as const) {
        const result = await xmlParse(flowToSvg(flow, { background }));
        expect(result).toEqual({
          error: null,
          root: 'http://www.w3.org/2000/svg svg',
          foreignObjects: 0,
          nodes: flow.nodes.length,
        });
      }
    },
  );
});
