import { useReactFlow } from '@xyflow/react';
import type { ReactElement } from 'react';
import { describeProblem } from '@shared/flow/problems';
import { useFlowStore } from '../canvas/flow-store';
import { useNodeNames } from '../canvas/useNodeNames';
import { useRunStore } from './run-store';

/**
 * Why the last Run did not start. Floats over the canvas (not modal) so the user can fix
 * each problem in the inspector; pressing one selects its node and brings it into view.
 */
export function RunProblems(): ReactElement | null {
  const problems = useRunStore((s) => s.problems);
  const setProblems = useRunStore((s) => s.setProblems);
  const names = useNodeNames();
  const selectNode = useFlowStore((s) => s.selectNode);
  const { fitView } = useReactFlow();
  if (!problems || problems.length === 0) return null;
  const nameOf = new Map(Object.entries(names));

  return (
    <section className="fb-run-problems" aria-label="Run problems">
      <header className="fb-run-problems__head">
        <strong>
          The flow cannot run: {problems.length} {problems.length === 1 ? 'problem' : 'problems'}
        </strong>
        <button
          type="button"
          className="fb-icon-btn"
          aria-label="Close problems"
          onClick={() => setProblems(null)}
        >
          ×
        </button>
      </header>
      <ul className="fb-run-problems__list">
        {problems.map((p, i) => {
          const text = describeProblem(p, p.nodeId ? (nameOf.get(p.nodeId) ?? p.nodeId) : undefined);
          const nodeId = p.nodeId && nameOf.has(p.nodeId) ? p.nodeId : null;
          return (
            <li key={i}>
              {nodeId ? (
                <button
                  type="button"
                  className="fb-run-problems__item"
                  onClick={() => {
                    selectNode(nodeId);
                    void fitView({ nodes: [{ id: nodeId }], maxZoom: 1.2, duration: 300 });
                  }}
                >
                  {text}
                </button>
              ) : (
                <span className="fb-run-problems__item fb-run-problems__item--static">{text}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
