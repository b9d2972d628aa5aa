import { describe, expect, it } from 'vitest';
import { exportTestFlow } from './export-test-flow';
import { flowToSvg, SVG_PADDING } from './flow-svg';
import { SVG_THEMES } from './svg-theme';

const rectOf = (svg: string, id: string): { x: number; y: number } => {
  const m = new RegExp(`data-id="${id}"[^>]*>\\s*<rect x="([\\d.-]+)" y="([\\d.-]+)"`).exec(svg);
  if (!m) throw new Error(`no node ${id} in the SVG`);
  return { x: Number(m[1]), y: Number(m[2]) };
};

describe('flowToSvg', () => {
  const flow = exportTestFlow();
  const svg = flowToSvg(flow);

  it('draws plain vector shapes only: no foreignObject, script, style or external image', () => {
    expect(svg).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    expect(svg).not.toMatch(/foreignObject|<script|<style|<image|xlink:href/i);
  });

  it('places every node at its canvas position, group members relative to their group', () => {
    expect(rectOf(svg, 'prod')).toEqual({ x: 0.5, y: 100.5 });
    expect(rectOf(svg, 'q')).toEqual({ x: 300.5, y: 200.5 });
    // The consumer sits at (40, 60) inside the group at (600, 0).
    expect(rectOf(svg, 'worker')).toEqual({ x: 640.5, y: 60.5 });
    expect(svg).toContain(`viewBox="${-SVG_PADDING} ${-SVG_PADDING} `);
  });

  it('draws each edge with its label and escapes names', () => {
    expect(svg.match(/class="fb-export-edge"/g)).toHaveLength(5);
    expect(svg).toContain('>order.#</text>');
    expect(svg).toContain('orders &lt;in&gt;');
    expect(svg).toContain('<title>Orders &lt;&amp;&gt; &quot;test&quot;; #1</title>');
    expect(svg).not.toMatch(/<in>/);
  });

  it('draws groups under nodes and notes as text without Markdown marks', () => {
    expect(svg.indexOf('data-id="ctx"')).toBeLessThan(svg.indexOf('data-id="worker"'));
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('>• bold reason</text>');
  });

  it('paints the themed background, or none when transparent', () => {
    expect(svg).toContain(`fill="${SVG_THEMES.light.background}"`);
    const dark = flowToSvg(flow, { background: 'dark' });
    expect(dark).toContain(`fill="${SVG_THEMES.dark.background}"`);
    expect(dark).toContain(`fill="${SVG_THEMES.dark.surface}"`);
    const clear = flowToSvg(flow, { background: 'transparent', theme: 'dark' });
    expect(clear).not.toContain(SVG_THEMES.dark.background);
    expect(clear).toContain(`fill="${SVG_THEMES.dark.surface}"`);
  });

  it('exports only the selection and the edges between selected nodes', () => {
    const part = flowToSvg(flow, { selection: ['ex', 'q'] });
    expect(part.match(/class="fb-export-node"/g)).toHaveLength(2);
    expect(part.match(/class="fb-export-edge"/g)).toHaveLength(1);
    // The drawing starts at the selection, not at the flow's origin.
    expect(part).toContain(`viewBox="${300 - SVG_PADDING} ${-SVG_PADDING} `);
  });

  it('uses measured sizes when the canvas gives them', () => {
    const sized = flowToSvg(flow, { selection: ['prod'], sizes: { prod: { width: 300, height: 90 } } });
    expect(sized).toContain('width="299" height="89"');
  });
});
