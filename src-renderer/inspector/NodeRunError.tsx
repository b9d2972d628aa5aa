import type { ReactElement } from 'react';
import { useNodeCounters } from '../run/counters-store';

/** The whole error of a node whose run failed (the node itself shows two lines). */
export function NodeRunError({ id }: { id: string }): ReactElement | null {
  const counters = useNodeCounters(id);
  if (counters?.status !== 'error' || !(counters.error || counters.hint)) return null;
  return (
    <section className="fb-inspector__run-error" aria-label="Run error">
      <strong>This node failed in the run</strong>
      {counters.error && <pre className="fb-inspector__run-error-text">{counters.error}</pre>}
      {counters.hint && <p>{counters.hint}</p>}
    </section>
  );
}
