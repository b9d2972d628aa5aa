import type { ReactElement } from 'react';
import type { SagaStatus } from '@shared/run/saga';
import { useFlowStore } from '../canvas/flow-store';
import { sagaHistoryLines, sagaStepText, sagaTotals } from './saga-view';
import { useSagaInstances } from './useSagaInstances';
import './saga-instances.css';

const SHOWN = 50;

/**
 * A saga orchestrator's instances as the engine keeps them (across runs and restarts): id,
 * current step and status; opening one lists the calls it made and why it compensated.
 */
export function SagaInstances({ id, steps }: { id: string; steps: readonly string[] }): ReactElement {
  const flowName = useFlowStore((s) => s.name);
  const rows = useSagaInstances(flowName, id);
  return (
    <section className="fb-sagas" aria-label="Saga instances">
      <h3 className="fb-sagas__title">Instances</h3>
      {rows === null ? (
        <p className="fb-sagas__empty">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="fb-sagas__empty">
          None yet: each message that reaches this node starts one when the flow runs.
        </p>
      ) : (
        <>
          <p className="fb-sagas__totals">
            {sagaTotals(rows)
              .filter(([, n]) => n > 0)
              .map(([status, n]) => (
                <span key={status} className={statusClass(status)}>
                  {n} {status}
                </span>
              ))}
          </p>
          <ul className="fb-sagas__list">
            {rows.slice(0, SHOWN).map((r) => (
              <li key={r.id} className="fb-sagas__row" data-status={r.status}>
                <details>
                  <summary>
                    <code className="fb-sagas__id" title={r.id}>
                      {r.id.slice(0, 8)}
                    </code>
                    <span className="fb-sagas__step">{sagaStepText(r, steps)}</span>
                    <span className={statusClass(r.status)}>{r.status}</span>
                  </summary>
                  {r.error && <p className="fb-sagas__error">{r.error}</p>}
                  <ol className="fb-sagas__history">
                    {sagaHistoryLines(r, steps).map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ol>
                </details>
              </li>
            ))}
          </ul>
          {rows.length > SHOWN && <p className="fb-sagas__empty">Showing the newest {SHOWN}.</p>}
        </>
      )}
    </section>
  );
}

function statusClass(status: SagaStatus): string {
  return `fb-sagas__status fb-sagas__status--${status}`;
}
