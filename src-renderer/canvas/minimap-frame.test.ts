import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  fitFrame,
  frameArea,
  frameTransform,
  nextFrame,
  nodeBoxes,
  unionRect,
} from './minimap-frame';

const at = (f: { x: number; y: number; k: number }, p: { x: number; y: number }) => ({
  x: (p.x - f.x) * f.k,
  y: (p.y - f.y) * f.k,
});

describe('minimap frame', () => {
  it('fits the content centred with 5 px around it', () => {
    const f = fitFrame({ x: 100, y: 50, width: 1000, height: 200 }, 168, 112);
    // Width decides: 158 px for 1000 units.
    expect(f.k).toBeCloseTo(0.158);
    expect(at(f, { x: 100, y: 50 }).x).toBeCloseTo(5);
    expect(at(f, { x: 1100, y: 250 }).x).toBeCloseTo(163);
    // Vertically centred: 200 units are 31.6 px in 112.
    expect(at(f, { x: 100, y: 50 }).y).toBeCloseTo((112 - 31.6) / 2);
  });

  it('joins two rectangles', () => {
    expect(unionRect({ x: 0, y: 0, width: 10, height: 10 }, { x: -5, y: 5, width: 10, height: 20 })).toEqual({
      x: -5,
      y: 0,
      width: 15,
      height: 25,
    });
  });

  it('moves and scales a layer drawn in one frame to where another frame shows it', () => {
    const nodes = { x: 0, y: 0, width: 1000, height: 600 };
    const drawn = fitFrame(nodes, 168, 112);
    const shown = fitFrame(unionRect(nodes, { x: -400, y: 200, width: 2000, height: 1500 }), 168, 112);
    const m = /translate\((.+)px, (.+)px\) scale\((.+)\)/.exec(frameTransform(drawn, shown));
    const [tx, ty, s] = (m ?? []).slice(1).map(Number);
    // A flow point drawn at p in the layer must appear where `shown` puts it.
    for (const p of [
      { x: 0, y: 0 },
      { x: 1000, y: 600 },
      { x: 250, y: 410 },
    ]) {
      const d = at(drawn, p);
      const want = at(shown, p);
      expect(d.x * s + tx).toBeCloseTo(want.x);
      expect(d.y * s + ty).toBeCloseTo(want.y);
    }
  });
});

describe('minimap node boxes', () => {
  it('places group members at their absolute position and leaves out hidden and unmeasured nodes', () => {
    const boxes = nodeBoxes([
      { id: 'g', position: { x: 100, y: 100 }, measured: { width: 400, height: 300 } },
      {
        id: 'm',
        parentId: 'g',
        position: { x: 20, y: 30 },
        measured: { width: 50, height: 40 },
        selected: true,
      },
      { id: 'h', hidden: true, position: { x: 0, y: 0 }, measured: { width: 10, height: 10 } },
      { id: 'new', position: { x: 0, y: 0 } },
    ]);
    expect(
      boxes.map(({ id, x, y, width, height, selected }) => ({ id, x, y, width, height, selected })),
    ).toEqual([
      { id: 'g', x: 100, y: 100, width: 400, height: 300, selected: false },
      { id: 'm', x: 120, y: 130, width: 50, height: 40, selected: true },
    ]);
    expect(boundsOf(boxes)).toEqual({ x: 100, y: 100, width: 400, height: 300 });
    expect(boundsOf([])).toBeUndefined();
  });
});

describe('minimap frame while the viewport moves', () => {
  const nodes = { x: 0, y: 0, width: 5000, height: 4000 };
  const view = (x: number, y: number, size = 8000) => ({ x, y, width: size, height: size * 0.7 });

  it('keeps the frame while it still holds the nodes and the viewport, so a pan only moves the box', () => {
    const first = nextFrame(undefined, nodes, view(-1000, -1000), 168, 112, false);
    expect(first).toEqual(fitFrame(unionRect(nodes, view(-1000, -1000)), 168, 112));
    const moved = nextFrame(first, nodes, view(-1100, -1000), 168, 112, false);
    // Panning past the frame's edge: a roomier frame, which the next steps keep.
    const step2 = nextFrame(moved, nodes, view(-1200, -1000), 168, 112, false);
    const step3 = nextFrame(step2, nodes, view(-1300, -1000), 168, 112, false);
    expect(step3).toBe(step2);
    for (const f of [moved, step2, step3]) {
      const area = frameArea(f, 168, 112);
      expect(area.x).toBeLessThanOrEqual(-1300);
    }
  });

  it('returns the frame it was given when asked again with the same viewport (render loops impossible)', () => {
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (let i = 0; i < 2000; i++) {
      const size = 10 ** (1 + 3 * Math.abs(rnd()));
      const v = { x: rnd() * 20000, y: rnd() * 20000, width: size, height: size * (0.5 + Math.abs(rnd())) };
      const start = i % 3 === 0 ? undefined : fitFrame(nodes, 168, 112);
      const once = nextFrame(start, i % 5 === 0 ? undefined : nodes, v, 168, 112, i % 4 === 0);
      expect(nextFrame(once, i % 5 === 0 ? undefined : nodes, v, 168, 112, i % 4 === 0)).toBe(once);
    }
    // An unmeasured canvas (zero zoom would divide by zero) keeps the frame there was.
    const f = fitFrame(nodes, 168, 112);
    expect(nextFrame(f, nodes, { x: NaN, y: NaN, width: NaN, height: NaN }, 168, 112, false)).toBe(f);
  });

  it('fits tightly again when the viewport settles or the frame got more than three times too small', () => {
    const roomy = nextFrame(fitFrame(nodes, 168, 112), nodes, view(-3000, -3000), 168, 112, false);
    const settled = nextFrame(roomy, nodes, view(-3000, -3000), 168, 112, true);
    expect(settled).toEqual(fitFrame(unionRect(nodes, view(-3000, -3000)), 168, 112));
    // Settled and unchanged: the very same frame, so nothing re-renders.
    expect(nextFrame(settled, nodes, view(-3000, -3000), 168, 112, true)).toBe(settled);
    // Zoomed far out, then in on a corner: the nodes alone decide, and the wide frame is dropped.
    const wide = nextFrame(roomy, nodes, view(-20000, -20000, 40000), 168, 112, false);
    const zoomedIn = nextFrame(wide, nodes, view(0, 0, 500), 168, 112, false);
    expect(zoomedIn.k).toBeCloseTo(fitFrame(nodes, 168, 112).k);
  });
});
