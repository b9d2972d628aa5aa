import type { ReactElement } from 'react';
import type { SequenceModel } from '@shared/trace/trace-sequence';
import { formatMs } from '../run/run-format';

const LANE_W = 160;
const HEAD_H = 34;
const STEP_H = 26;
const PAD = 20;
/** More arrows than this are listed in the waterfall instead: an SVG of thousands helps no one. */
export const MAX_ARROWS = 400;

/**
 * A trace as a sequence diagram: one lifeline per node, one arrow per hop in time order,
 * self-arrows for what happened at a node (ack, nack, error). SVG elements drawn by React;
 * labels are untrusted text and are rendered as SVG text nodes.
 */
export function SequenceDiagram({ model }: { model: SequenceModel }): ReactElement {
  const arrows = model.arrows.slice(0, MAX_ARROWS);
  // Room on the right for the label of a self-arrow on the last lifeline.
  const width = PAD * 2 + Math.max(1, model.participants.length) * LANE_W + 160;
  const height = HEAD_H + PAD + (arrows.length + 1) * STEP_H;
  const x = (lane: number): number => PAD + lane * LANE_W + LANE_W / 2;
  return (
    <div className="fb-seq">
      {model.arrows.length > MAX_ARROWS && (
        <p className="fb-muted">
          Showing the first {MAX_ARROWS} of {model.arrows.length} hops; the waterfall lists them all.
        </p>
      )}
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`Sequence diagram: ${model.participants.length} nodes, ${model.arrows.length} hops`}
        data-testid="sequence-diagram"
      >
        <defs>
          <marker
            id="fb-seq-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" className="fb-seq__head" />
          </marker>
        </defs>
        {model.participants.map((p, i) => (
          <g key={p.nodeId} className="fb-seq__participant" data-testid="sequence-participant">
            <rect x={x(i) - LANE_W / 2 + 8} y={4} width={LANE_W - 16} height={HEAD_H - 8} rx={5} />
            <text x={x(i)} y={HEAD_H / 2 + 4} textAnchor="middle">
              {p.label.length > 22 ? `${p.label.slice(0, 21)}…` : p.label}
            </text>
            <line x1={x(i)} x2={x(i)} y1={HEAD_H} y2={height - 4} className="fb-seq__life" />
          </g>
        ))}
        {arrows.map((a, i) => {
          const y = HEAD_H + PAD + i * STEP_H;
          const cls = `fb-seq__arrow${a.failed ? ' fb-seq__arrow--failed' : ''}`;
          if (a.from === a.to) {
            const x0 = x(a.from);
            return (
              <g key={`${a.spanId}-${i}`} className={cls} data-testid="sequence-arrow">
                <path d={`M${x0},${y - 6} h22 v12 h-20`} markerEnd="url(#fb-seq-arrow)" fill="none" />
                <text x={x0 + 28} y={y + 4}>
                  {a.label} <tspan className="fb-seq__at">+{formatMs(a.at)}</tspan>
                </text>
              </g>
            );
          }
          const x1 = x(a.from);
          const x2 = x(a.to);
          return (
            <g key={`${a.spanId}-${i}`} className={cls} data-testid="sequence-arrow">
              <line x1={x1} x2={x2 + (x2 > x1 ? -2 : 2)} y1={y} y2={y} markerEnd="url(#fb-seq-arrow)" />
              <text x={(x1 + x2) / 2} y={y - 5} textAnchor="middle">
                {a.label.length > 34 ? `${a.label.slice(0, 33)}…` : a.label}{' '}
                <tspan className="fb-seq__at">+{formatMs(a.at)}</tspan>
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
