import type { SagaInstanceRow } from '@shared/run/saga';
import type { SagaTable } from '../../store/saga-table';
import { isEnded } from './saga-machine';

/** A SagaTable in memory, for runs without a workspace store (benchmarks, bare runs): not durable. */
export function memorySagaTable(): SagaTable {
  const rows = new Map<string, SagaInstanceRow>();
  return {
    save(owner, runId, s) {
      rows.set(s.id, { ...s, ...owner, runId: rows.get(s.id)?.runId ?? runId });
    },
    unfinished(owner) {
      return [...rows.values()].filter(
        (r) => r.flowName === owner.flowName && r.nodeId === owner.nodeId && !isEnded(r.status),
      );
    },
    list(flowName, nodeId, limit) {
      return [...rows.values()]
        .filter((r) => r.flowName === flowName && (!nodeId || r.nodeId === nodeId))
        .reverse()
        .slice(0, limit);
    },
  };
}
