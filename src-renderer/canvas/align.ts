/** A node's box on the canvas. */
export interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Alignment = 'left' | 'centre' | 'right' | 'top' | 'middle' | 'bottom';
export type Axis = 'horizontal' | 'vertical';

type Moves = Map<string, { x: number; y: number }>;

/**
 * New positions that line the boxes up along one side (or centre line) of their common
 * bounding box. Fewer than two boxes are left where they are.
 */
export function align(boxes: Box[], how: Alignment): Moves {
  const moves: Moves = new Map();
  if (boxes.length < 2) return moves;
  const left = Math.min(...boxes.map((b) => b.x));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const top = Math.min(...boxes.map((b) => b.y));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  for (const b of boxes) {
    let { x, y } = b;
    if (how === 'left') x = left;
    else if (how === 'right') x = right - b.w;
    else if (how === 'centre') x = (left + right) / 2 - b.w / 2;
    else if (how === 'top') y = top;
    else if (how === 'bottom') y = bottom - b.h;
    else y = (top + bottom) / 2 - b.h / 2;
    moves.set(b.id, { x: Math.round(x), y: Math.round(y) });
  }
  return moves;
}

/**
 * New positions with equal gaps between neighbouring boxes along `axis`: the first and
 * last boxes (in that direction) stay put. Fewer than three boxes are left where they are.
 */
export function distribute(boxes: Box[], axis: Axis): Moves {
  const moves: Moves = new Map();
  if (boxes.length < 3) return moves;
  const pos = axis === 'horizontal' ? 'x' : 'y';
  const size = axis === 'horizontal' ? 'w' : 'h';
  const sorted = [...boxes].sort((a, b) => a[pos] + a[size] / 2 - (b[pos] + b[size] / 2));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const span = last[pos] + last[size] - first[pos];
  const used = sorted.reduce((sum, b) => sum + b[size], 0);
  const gap = (span - used) / (sorted.length - 1);
  let at = first[pos];
  for (const b of sorted) {
    const p = { x: b.x, y: b.y };
    p[pos] = Math.round(at);
    moves.set(b.id, p);
    at += b[size] + gap;
  }
  return moves;
}
