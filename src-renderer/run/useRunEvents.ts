import { useEffect } from 'react';
import { api } from '../app/api-holder';
import { showNotice } from '../app/notice-store';
import { useCountersStore } from './counters-store';
import { useRunLogStore } from './run-log-store';
import { onRunState, refreshRunStatus } from './run-actions';

/** Subscribes to run state, counters and the run log for the lifetime of the workbench. */
export function useRunEvents(): void {
  useEffect(() => {
    const a = api();
    const offState = a.on('run.state', (e) => onRunState(e.runId, e.state, e.error));
    const offCounters = a.on('run.counters', (e) =>
      useCountersStore.getState().apply(e.runId, e.nodes, e.at),
    );
    const offLog = a.on('run.log', (e) => useRunLogStore.getState().apply(e.runId, e.entries));
    // After subscribing, so a run that started meanwhile is not missed.
    refreshRunStatus().catch(() =>
      showNotice('Could not read the run status from the engine.', { tone: 'error' }),
    );
    return () => {
      offState();
      offCounters();
      offLog();
    };
  }, []);
}
