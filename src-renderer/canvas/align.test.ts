import { describe, expect, it } from 'vitest';
import { align, distribute, type Box } from './align';

const boxes: Box[] = [
  { id: 'a', x: 0, y: 0, w: 100, h: 40 },
  { id: 'b', x: 50, y: 100, w: 200, h: 60 },
  { id: 'c', x: 400, y: 30, w: 100, h: 20 },
];

const at = (m: Map<string, { x: number; y: number }>): Record<string, [number, number]> =>
  Object.fromEntries([...m].map(([id, p]) => [id, [p.x, p.y]]));

describe('align', () => {
  it('lines boxes up on each side and centre line of their bounds', () => {
    expect(at(align(boxes, 'left'))).toEqual({ a: [0, 0], b: [0, 100], c: [0, 30] });
    expect(at(align(boxes, 'right'))).toEqual({ a: [400, 0], b: [300, 100], c: [400, 30] });
    expect(at(align(boxes, 'centre'))).toEqual({ a: [200, 0], b: [150, 100], c: [200, 30] });
    expect(at(align(boxes, 'top'))).toEqual({ a: [0, 0], b: [50, 0], c: [400, 0] });
    expect(at(align(boxes, 'bottom'))).toEqual({ a: [0, 120], b: [50, 100], c: [400, 140] });
    expect(at(align(boxes, 'middle'))).toEqual({ a: [0, 60], b: [50, 50], c: [400, 70] });
  });

  it('leaves a single box alone', () => {
    expect(align(boxes.slice(0, 1), 'left').size).toBe(0);
  });
});

describe('distribute', () => {
  it('makes the gaps between neighbours equal, keeping the outer boxes', () => {
    // span 0..500, widths 400 → two gaps of 50.
    expect(at(distribute(boxes, 'horizontal'))).toEqual({ a: [0, 0], b: [150, 100], c: [400, 30] });
    // by centre: a (20), c (40), b (130); span 0..160, heights 120 → gaps of 20.
    expect(at(distribute(boxes, 'vertical'))).toEqual({ a: [0, 0], c: [400, 60], b: [50, 100] });
  });

  it('needs three boxes', () => {
    expect(distribute(boxes.slice(0, 2), 'horizontal').size).toBe(0);
  });
});
