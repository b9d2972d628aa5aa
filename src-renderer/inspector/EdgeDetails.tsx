import { useReactFlow } from '@xyflow/react';
import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlowStore } from '../canvas/flow-store';

/** What a selected connection joins, with a way to remove it. */
export function EdgeDetails({ id }: { id: string }): ReactElement | null {
  const edge = useFlowStore(
    useShallow((s) => {
      const e = s.edges.find((x) => x.id === id);
      if (!e) return null;
      const name = (nodeId: string): string =>
        s.nodes.find((n) => n.id === nodeId)?.data.config.name ?? nodeId;
      return { source: name(e.source), target: name(e.target), method: e.targetHandle ?? null };
    }),
  );
  const { deleteElements } = useReactFlow();
  if (!edge) return null;
  return (
    <div className="fb-inspector__form">
      <div className="fb-inspector__kind">Connection</div>
      <p className="fb-inspector__edge">
        <strong>{edge.source}</strong> → <strong>{edge.target}</strong>
        {edge.method && <> (method {edge.method})</>}
      </p>
      <div className="fb-inspector__footer">
        <button
          type="button"
          className="fb-btn fb-btn--danger-ghost"
          onClick={() => void deleteElements({ edges: [{ id }] })}
        >
          Delete connection
        </button>
      </div>
    </div>
  );
}
