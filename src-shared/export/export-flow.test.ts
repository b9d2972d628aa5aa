import { describe, expect, it } from 'vitest';
import { parseFlowText } from '../flow/parse';
import { exportFileName, exportFlow } from './export-flow';
import { exportTestFlow, SAMPLE_TRACE } from './export-test-flow';

describe('exportFlow', () => {
  const flow = exportTestFlow();

  it('names files after the flow with the format extension', () => {
    expect(exportFileName('Orders <&> "test"; #1', 'asyncapi')).toBe('Orders-test-1.asyncapi.yaml');
    expect(exportFileName('///', 'svg')).toBe('flow.svg');
  });

  it('returns text for every text format', async () => {
    for (const format of ['svg', 'mermaid', 'asyncapi', 'compose', 'flow'] as const) {
      const result = await exportFlow(flow, format);
      expect(result.kind).toBe('text');
    }
  });

  it('exports the flow file itself, reading back to the same flow', async () => {
    const result = await exportFlow(flow, 'flow');
    if (result.kind !== 'text') throw new Error('expected text');
    const again = parseFlowText(result.text);
    expect(again.ok && again.flow).toEqual(flow);
  });

  it('rasterizes PNG with the given rasterizer at the given scale', async () => {
    const calls: Array<[string, number]> = [];
    const result = await exportFlow(flow, 'png', {
      scale: 4,
      background: 'transparent',
      rasterize: async (svg, scale) => {
        calls.push([svg, scale]);
        return new Uint8Array([1, 2, 3]);
      },
    });
    expect(result).toMatchObject({ kind: 'bytes', mimeType: 'image/png', fileName: 'Orders-test-1.png' });
    expect(calls[0]?.[1]).toBe(4);
    expect(calls[0]?.[0]).toContain('<svg');
  });

  it('says what is missing for PNG and trace exports', async () => {
    await expect(exportFlow(flow, 'png')).rejects.toThrow(/rasterizer/);
    await expect(
      exportFlow(flow, 'png', { scale: 0, rasterize: async () => new Uint8Array() }),
    ).rejects.toThrow(/scale/);
    await expect(exportFlow(flow, 'mermaid-trace')).rejects.toThrow(/trace/);
    const trace = await exportFlow(flow, 'mermaid-trace', { trace: SAMPLE_TRACE });
    expect(trace.kind === 'text' && trace.text).toMatch(/^sequenceDiagram/);
  });
});
