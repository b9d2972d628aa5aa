import { useEffect, useState } from 'react';
import type { SagaInstanceRow } from '@shared/run/saga';
import { api } from '../app/api-holder';
import { isRunActive, useRunStore } from '../run/run-store';

const REFRESH_MS = 1000;

/** A saga node's instances (newest first), from the workspace store: now, and every second while a run goes. */
export function useSagaInstances(flowName: string, nodeId: string): SagaInstanceRow[] | null {
  const [rows, setRows] = useState<SagaInstanceRow[] | null>(null);
  const active = useRunStore((s) => isRunActive(s.state));
  const runId = useRunStore((s) => s.runId);
  useEffect(() => {
    let live = true;
    const load = (): void => {
      const request = api()['saga.instances'];
      request({ flowName, nodeId, limit: 200 })
        .then((r) => {
          if (live) setRows(r);
        })
        .catch(() => {
          // The next refresh tries again; a lost engine connection shows elsewhere.
        });
    };
    load();
    const timer = active ? setInterval(load, REFRESH_MS) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [flowName, nodeId, active, runId]);
  return rows;
}
