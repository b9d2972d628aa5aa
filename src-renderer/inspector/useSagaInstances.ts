import type { SagaInstanceRow } from '@shared/run/saga';
import { api } from '../app/api-holder';
import { useRunPolling } from '../run/useRunPolling';

const REFRESH_MS = 1000;

/** A saga node's instances (newest first), from the workspace store: now, and every second while a run goes. */
export function useSagaInstances(flowName: string, nodeId: string): SagaInstanceRow[] | null {
  return useRunPolling(
    JSON.stringify([flowName, nodeId]),
    () => api()['saga.instances']({ flowName, nodeId, limit: 200 }),
    REFRESH_MS,
  );
}
