import { useEffect } from 'react';
import { useCountersStore } from './counters-store';
import { isRunActive, useRunStore } from './run-store';
import { resetSeries, sampleSeries } from './series-store';

const SAMPLE_MS = 1000;

/**
 * Samples the counters into the run series once a second while a run goes, and once more
 * when it ends (its last batch); a counter batch of another run starts a new series.
 */
export function useSeriesSampler(): void {
  useEffect(() => {
    const timer = setInterval(() => {
      if (isRunActive(useRunStore.getState().state)) sampleSeries();
    }, SAMPLE_MS);
    const offRun = useRunStore.subscribe((s, prev) => {
      if (isRunActive(prev.state) && !isRunActive(s.state)) sampleSeries();
    });
    const offCounters = useCountersStore.subscribe((s, prev) => {
      if (s.runId !== prev.runId) resetSeries(s.runId);
    });
    return () => {
      clearInterval(timer);
      offRun();
      offCounters();
    };
  }, []);
}
