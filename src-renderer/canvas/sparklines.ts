import { useThemeStore } from '../app/theme-store';
import { chartTheme } from '../run/chart-colours';
import { SPARKLINE_SECONDS } from '../run/run-series';
import { onSample, runSeries } from '../run/series-store';

/** Drawing size of a node's sparkline in CSS pixels (the node is 240 px wide). */
export const SPARK_W = 218;
export const SPARK_H = 20;

const canvases = new Map<string, HTMLCanvasElement>();
/** Sparklines off screen are not drawn (drawing is CPU work even where nobody looks). */
const visible = new WeakSet<Element>();
let observer: IntersectionObserver | null = null;
let frame = 0;

function watch(canvas: HTMLCanvasElement, nodeId: string): void {
  observer ??= new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) {
        visible.delete(e.target);
        continue;
      }
      visible.add(e.target);
      const id = (e.target as HTMLElement).dataset.nodeId;
      if (id && canvases.get(id) === e.target)
        drawSparkline(id, e.target as HTMLCanvasElement, themeColours());
    }
  });
  canvas.dataset.nodeId = nodeId;
  observer.observe(canvas);
}

/**
 * Registers a node's sparkline canvas: it is drawn when it comes into view and after every
 * sample while in view, straight from the series ring, so a second's sample redraws pixels
 * without rendering any React.
 */
export function registerSparkline(nodeId: string, canvas: HTMLCanvasElement): () => void {
  const scale = Math.min(2, window.devicePixelRatio || 1);
  canvas.width = Math.round(SPARK_W * scale);
  canvas.height = Math.round(SPARK_H * scale);
  canvases.set(nodeId, canvas);
  watch(canvas, nodeId);
  return () => {
    observer?.unobserve(canvas);
    if (canvases.get(nodeId) === canvas) canvases.delete(nodeId);
  };
}

/** Redraws every registered sparkline at the next frame (once, however often it is asked). */
export function scheduleSparklines(): void {
  if (frame !== 0) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    const colours = themeColours();
    for (const [id, canvas] of canvases) if (visible.has(canvas)) drawSparkline(id, canvas, colours);
  });
}

onSample(scheduleSparklines);
useThemeStore.subscribe(scheduleSparklines);

interface Colours {
  line: string;
  fill: string;
}

function themeColours(): Colours {
  const theme = chartTheme();
  return { line: theme.accent, fill: theme.accentSoft };
}

function drawSparkline(nodeId: string, canvas: HTMLCanvasElement, colours: Colours): void {
  const g = canvas.getContext('2d');
  if (!g) return;
  const w = canvas.width;
  const h = canvas.height;
  g.clearRect(0, 0, w, h);
  const ring = runSeries.sparkline(nodeId);
  canvas.dataset.points = String(ring?.length ?? 0);
  if (!ring || ring.length < 2) return;
  const max = Math.max(ring.max(), 1e-9);
  const step = w / (SPARKLINE_SECONDS - 1);
  // The newest sample sits at the right edge; a young run fills in from the right.
  const x0 = w - (ring.length - 1) * step;
  const pad = 1.5 * (h / SPARK_H);
  const y = (v: number): number => h - pad - (v / max) * (h - 2 * pad);
  g.beginPath();
  g.moveTo(x0, y(ring.at(0)));
  for (let i = 1; i < ring.length; i++) g.lineTo(x0 + i * step, y(ring.at(i)));
  g.strokeStyle = colours.line;
  g.lineWidth = 1.25 * (h / SPARK_H);
  g.lineJoin = 'round';
  g.stroke();
  g.lineTo(w, h);
  g.lineTo(x0, h);
  g.closePath();
  g.fillStyle = colours.fill;
  g.fill();
}
