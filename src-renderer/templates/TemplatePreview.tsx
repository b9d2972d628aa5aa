import type { ReactElement } from 'react';
import type { TemplateSummary } from '@shared/patterns/template-types';

const W = 200;
const H = 90;
const PAD = 10;

/** A thumbnail of a template's layout: its nodes as dots in their kind's colour, and its edges. */
export function TemplatePreview({ preview }: { preview: TemplateSummary['preview'] }): ReactElement {
  const xs = preview.nodes.map((n) => n.x);
  const ys = preview.nodes.map((n) => n.y);
  const minX = Math.min(...xs, 0);
  const minY = Math.min(...ys, 0);
  const spanX = Math.max(...xs, minX + 1) - minX;
  const spanY = Math.max(...ys, minY + 1) - minY;
  const scale = Math.min((W - 2 * PAD) / spanX, (H - 2 * PAD) / spanY);
  const at = (i: number): { x: number; y: number } => ({
    x: PAD + (preview.nodes[i].x - minX) * scale,
    y: PAD + (preview.nodes[i].y - minY) * scale,
  });
  return (
    <svg className="fb-gallery__preview" viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
      {preview.edges.map(([a, b], i) => {
        const p = at(a);
        const q = at(b);
        return <line key={i} x1={p.x} y1={p.y} x2={q.x} y2={q.y} className="fb-gallery__preview-edge" />;
      })}
      {preview.nodes.map((n, i) => {
        const p = at(i);
        return <rect key={i} x={p.x - 7} y={p.y - 5} width={14} height={10} rx={3} fill={n.color} />;
      })}
    </svg>
  );
}
