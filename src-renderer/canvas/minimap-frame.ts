/** A rectangle in flow units (or, for the minimap's own box, in screen pixels). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where flow coordinates land in the minimap: a flow point (fx, fy) is drawn at
 * ((fx - x) · k, (fy - y) · k) minimap pixels.
 */
export interface MinimapFrame {
  x: number;
  y: number;
  k: number;
}

/** Space kept around the content, in minimap pixels (React Flow's minimap keeps 5 on each side). */
const PAD = 5;

/** The smallest rectangle holding both. */
export function unionRect(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** Fits `content` (flow units) into a `width` × `height` px minimap, centred, with PAD px around it. */
export function fitFrame(content: Rect, width: number, height: number): MinimapFrame {
  const k = Math.min(
    (width - 2 * PAD) / Math.max(content.width, 1e-6),
    (height - 2 * PAD) / Math.max(content.height, 1e-6),
  );
  return {
    x: content.x - (width / k - content.width) / 2,
    y: content.y - (height / k - content.height) / 2,
    k,
  };
}

/**
 * The CSS transform (origin top left) that turns a layer drawn in frame `drawn` into one
 * shown in frame `shown`: the minimap's nodes are drawn once and only moved and scaled
 * when the viewport widens what the minimap must show.
 */
export function frameTransform(drawn: MinimapFrame, shown: MinimapFrame): string {
  const s = shown.k / drawn.k;
  const tx = (drawn.x - shown.x) * shown.k;
  const ty = (drawn.y - shown.y) * shown.k;
  return `translate(${tx}px, ${ty}px) scale(${s})`;
}

/** What the minimap needs of a node (React Flow's node fields). */
export interface MinimapSourceNode {
  id: string;
  position: { x: number; y: number };
  parentId?: string;
  hidden?: boolean;
  selected?: boolean;
  width?: number;
  height?: number;
  measured?: { width?: number; height?: number };
}

/** One node as the minimap draws it: its box in flow units, absolute (members of a group included). */
export interface MinimapBox extends Rect {
  id: string;
  selected: boolean;
}

/** The boxes of the shown, measured nodes, in flow units; a member's position is relative to its group. */
export function nodeBoxes<N extends MinimapSourceNode>(nodes: readonly N[]): Array<MinimapBox & { node: N }> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const absolute = (n: N, depth = 0): { x: number; y: number } => {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (!parent || depth > 32) return n.position;
    const p = absolute(parent, depth + 1);
    return { x: p.x + n.position.x, y: p.y + n.position.y };
  };
  const boxes: Array<MinimapBox & { node: N }> = [];
  for (const n of nodes) {
    const width = n.measured?.width ?? n.width ?? 0;
    const height = n.measured?.height ?? n.height ?? 0;
    if (n.hidden || width <= 0 || height <= 0) continue;
    boxes.push({ id: n.id, ...absolute(n), width, height, selected: Boolean(n.selected), node: n });
  }
  return boxes;
}

/** The rectangle around all boxes, or undefined when there are none. */
export function boundsOf(boxes: readonly Rect[]): Rect | undefined {
  if (boxes.length === 0) return undefined;
  return boxes.reduce(unionRect);
}

/** The flow-unit rectangle a frame shows in a `width` × `height` px minimap. */
export function frameArea(f: MinimapFrame, width: number, height: number): Rect {
  return { x: f.x, y: f.y, width: width / f.k, height: height / f.k };
}

/** Whether `inner` lies in `outer`, give or take rounding (a thousandth of `outer`'s size). */
function contains(outer: Rect, inner: Rect): boolean {
  const e = (outer.width + outer.height) / 1000;
  return (
    inner.x >= outer.x - e &&
    inner.y >= outer.y - e &&
    inner.x + inner.width <= outer.x + outer.width + e &&
    inner.y + inner.height <= outer.y + outer.height + e
  );
}

const FALLBACK: MinimapFrame = { x: 0, y: 0, k: 1 };

function sameFrame(a: MinimapFrame, b: MinimapFrame): boolean {
  return a.x === b.x && a.y === b.y && a.k === b.k;
}

/** How much room a changed frame leaves: the viewport's size again, around it. */
const ROOM = 2;
/**
 * How far a frame may be zoomed out beyond the tight fit before it is fitted again; more
 * than ROOM, so a frame just made roomy is kept (no render loop).
 */
const MAX_SLACK = 3;

/**
 * The frame to show while the viewport moves. Like React Flow's minimap it always holds the
 * nodes and the viewport, but it is kept as long as it still does (and is not more than
 * three times too small), and when it must change it leaves room for the viewport to move on: a
 * pan then only moves the viewport box, and changing the frame, which redraws the map, is
 * rare. `settled` (the viewport stopped moving) fits it tightly again.
 */
export function nextFrame(
  current: MinimapFrame | undefined,
  nodes: Rect | undefined,
  view: Rect,
  width: number,
  height: number,
  settled: boolean,
): MinimapFrame {
  const content = nodes ? unionRect(nodes, view) : view;
  const tight = fitFrame(content, width, height);
  // Nothing sensible to fit (a canvas not measured yet): keep what there is.
  if (![tight.x, tight.y, tight.k].every(Number.isFinite) || tight.k <= 0) return current ?? FALLBACK;
  if (!current) return tight;
  if (settled) return sameFrame(current, tight) ? current : tight;
  if (contains(frameArea(current, width, height), content) && current.k * MAX_SLACK >= tight.k)
    return current;
  const roomy = {
    x: view.x - (view.width * (ROOM - 1)) / 2,
    y: view.y - (view.height * (ROOM - 1)) / 2,
    width: view.width * ROOM,
    height: view.height * ROOM,
  };
  const next = fitFrame(nodes ? unionRect(nodes, roomy) : roomy, width, height);
  return sameFrame(current, next) ? current : next;
}
