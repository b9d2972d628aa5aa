import { useReactFlow } from '@xyflow/react';
import type { DragEvent, ReactElement } from 'react';
import { NODE_CATALOG, type NodeKindInfo } from '@shared/flow/node-catalog';
import { NODE_KINDS } from '@shared/flow/node-kinds';
import { useFlowStore } from '../canvas/flow-store';
import { PALETTE_MIME } from './palette-dnd';
import './palette.css';

const FAMILIES: ReadonlyArray<NodeKindInfo['family']> = ['Messaging', 'Services'];

/**
 * Every node kind, grouped by family. Drag an item onto the canvas, or press it (click,
 * Enter) to drop one in the middle of the view.
 */
export function Palette(): ReactElement {
  const addNode = useFlowStore((s) => s.addNode);
  const { screenToFlowPosition } = useReactFlow();

  const addAtCentre = (info: NodeKindInfo): void => {
    const rect = document.querySelector('.fb-canvas')?.getBoundingClientRect();
    const centre = rect
      ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
      : { x: 400, y: 300 };
    const p = screenToFlowPosition(centre);
    addNode(info.kind, { x: p.x - 120, y: p.y - 48 });
  };

  return (
    <nav className="fb-palette" aria-label="Palette">
      <h2 className="fb-panel-title">Components</h2>
      {FAMILIES.map((family) => (
        <section key={family} className="fb-palette__group" aria-label={family}>
          <h3 className="fb-palette__family">{family}</h3>
          {NODE_KINDS.map((k) => NODE_CATALOG[k])
            .filter((info) => info.family === family)
            .map((info) => (
              <button
                key={info.kind}
                type="button"
                className="fb-palette__item"
                data-testid={`palette-${info.kind}`}
                draggable
                title={`${info.description}. Drag onto the canvas, or press to add.`}
                onDragStart={(e: DragEvent) => {
                  e.dataTransfer.setData(PALETTE_MIME, info.kind);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
                onClick={() => addAtCentre(info)}
              >
                <span className="fb-palette__icon" style={{ background: info.color }} aria-hidden="true">
                  {info.icon}
                </span>
                <span className="fb-palette__text">
                  <span className="fb-palette__label">{info.label}</span>
                  <span className="fb-palette__desc">{info.description}</span>
                </span>
              </button>
            ))}
        </section>
      ))}
    </nav>
  );
}
