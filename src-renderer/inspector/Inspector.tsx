import type { ReactElement } from 'react';
import { AssertionsSection } from '../assertions/AssertionsSection';
import { useSelectionStore } from '../canvas/selection-store';
import { EdgeDetails } from './EdgeDetails';
import { NodeForm } from './NodeForm';
import './inspector.css';

/** The right panel: the selected node's form, the selected connection, or a short help text. */
export function Inspector(): ReactElement {
  const nodeIds = useSelectionStore((s) => s.nodeIds);
  const edgeIds = useSelectionStore((s) => s.edgeIds);
  let body: ReactElement;
  if (nodeIds.length === 1) {
    body = <NodeForm key={nodeIds[0]} id={nodeIds[0]} />;
  } else if (nodeIds.length === 0 && edgeIds.length === 1) {
    body = <EdgeDetails id={edgeIds[0]} />;
  } else if (nodeIds.length + edgeIds.length > 1) {
    body = (
      <p className="fb-inspector__help">
        {nodeIds.length + edgeIds.length} items selected. Press Delete to remove them, or select one to edit
        it.
      </p>
    );
  } else {
    body = (
      <div className="fb-inspector__help">
        <p>Select a node to edit its settings.</p>
        <p>
          Drag components from the palette onto the canvas, then connect an output (right) to an input (left).
          Press <kbd>Run</kbd> to drive the flow and watch its counters.
        </p>
        <AssertionsSection />
      </div>
    );
  }
  return (
    <aside className="fb-inspector" aria-label="Inspector">
      <h2 className="fb-panel-title">Inspector</h2>
      {body}
    </aside>
  );
}
