import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportTestFlow } from '@shared/export/export-test-flow';
import { flowToSvg } from '@shared/export/flow-svg';
import { SVG_THEMES } from '@shared/export/svg-theme';
import { exportFlowHeadless, exportFlowToFile } from './export-to-file';

/** Width, height, colour type and the first pixel (RGBA) of an 8-bit RGBA PNG. */
function readPng(bytes: Uint8Array): {
  width: number;
  height: number;
  colourType: number;
  firstPixel: number[];
} {
  const buf = Buffer.from(bytes);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  let colourType = -1;
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colourType = data[9] ?? -1;
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  // The first pixel of the first row equals its raw bytes whatever the row's filter.
  const raw = inflateSync(Buffer.concat(idat));
  return { width, height, colourType, firstPixel: [...raw.subarray(1, 5)] };
}

const hex = (rgb: string): number[] => [1, 3, 5].map((i) => parseInt(rgb.slice(i, i + 2), 16));

describe('headless export (resvg)', () => {
  const flow = exportTestFlow();
  const svgSize = (() => {
    const m = /width="([\d.]+)" height="([\d.]+)"/.exec(flowToSvg(flow)) ?? [];
    return { width: Number(m[1]), height: Number(m[2]) };
  })();

  it.each([1, 2, 4])('renders PNG at %ix the SVG size', async (scale) => {
    const result = await exportFlowHeadless(flow, 'png', { scale });
    if (result.kind !== 'bytes') throw new Error('expected bytes');
    const png = readPng(result.bytes);
    expect(png.width).toBe(Math.ceil(svgSize.width * scale));
    expect(png.height).toBe(Math.ceil(svgSize.height * scale));
  });

  it('paints the themed background, or leaves it transparent', async () => {
    const dark = await exportFlowHeadless(flow, 'png', { background: 'dark' });
    const clear = await exportFlowHeadless(flow, 'png', { background: 'transparent' });
    if (dark.kind !== 'bytes' || clear.kind !== 'bytes') throw new Error('expected bytes');
    expect(readPng(dark.bytes).firstPixel).toEqual([...hex(SVG_THEMES.dark.background), 255]);
    expect(readPng(clear.bytes).firstPixel[3]).toBe(0);
  });

  describe('writing', () => {
    let dir = '';
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'fb-export-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('writes text and PNG files atomically, leaving no temp file behind', async () => {
      await exportFlowToFile(flow, 'mermaid', join(dir, 'a.mmd'));
      await exportFlowToFile(flow, 'png', join(dir, 'a.png'), { scale: 2 });
      await exportFlowToFile(flow, 'mermaid', join(dir, 'a.mmd'));
      expect((await readdir(dir)).sort()).toEqual(['a.mmd', 'a.png']);
      expect(await readFile(join(dir, 'a.mmd'), 'utf8')).toMatch(/^---\ntitle:/);
      expect(readPng(await readFile(join(dir, 'a.png'))).width).toBe(Math.ceil(svgSize.width * 2));
    });

    it('fails with the path when the folder does not exist, and writes nothing', async () => {
      await expect(exportFlowToFile(flow, 'svg', join(dir, 'missing', 'a.svg'))).rejects.toThrow(/missing/);
      expect(await readdir(dir)).toEqual([]);
    });
  });
});
