import type Database from 'better-sqlite3';
import type { SagaInstanceRow, SagaInstanceView } from '@shared/run/saga';

/** Where a saga instance lives: the saga node of a flow, and the run that started it. */
export interface SagaOwner {
  flowName: string;
  nodeId: string;
}

/** The named saga statements of the store (table `saga_instances`, migration v5). */
export interface SagaTable {
  /** Writes an instance's whole state (insert or replace), synchronously: durable when it returns. */
  save(owner: SagaOwner, runId: string, instance: SagaInstanceView): void;
  /** Instances of a saga node not ended yet (running or compensating), oldest first. */
  unfinished(owner: SagaOwner): SagaInstanceView[];
  /** The newest `limit` instances of a flow (or of one of its saga nodes), newest first. */
  list(flowName: string, nodeId: string | undefined, limit: number): SagaInstanceRow[];
}

interface SagaDbRow {
  flow_name: string;
  node_id: string;
  run_id: string;
  state: string;
}

// Listed here, not imported: the recorder's worker thread loads this module without path aliases.
const ENDED = ['confirmed', 'compensated', 'failed'];

/** Prepares the saga statements once over an opened, migrated database. */
export function prepareSagaTable(db: Database.Database): SagaTable {
  const upsert = db.prepare<[string, string, string, string, string, string, number, number]>(
    `INSERT INTO saga_instances (id, flow_name, node_id, run_id, status, state, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, state = excluded.state,
       updated_at = excluded.updated_at`,
  );
  const unfinished = db.prepare<[string, string], SagaDbRow>(
    `SELECT flow_name, node_id, run_id, state FROM saga_instances
     WHERE flow_name = ? AND node_id = ? AND status NOT IN (${ENDED.map((s) => `'${s}'`).join(', ')})
     ORDER BY created_at, id`,
  );
  const listFlow = db.prepare<[string, number], SagaDbRow>(
    `SELECT flow_name, node_id, run_id, state FROM saga_instances WHERE flow_name = ?
     ORDER BY created_at DESC, id DESC LIMIT ?`,
  );
  const listNode = db.prepare<[string, string, number], SagaDbRow>(
    `SELECT flow_name, node_id, run_id, state FROM saga_instances WHERE flow_name = ? AND node_id = ?
     ORDER BY created_at DESC, id DESC LIMIT ?`,
  );
  const toRow = (r: SagaDbRow): SagaInstanceRow => ({
    ...(JSON.parse(r.state) as SagaInstanceView),
    flowName: r.flow_name,
    nodeId: r.node_id,
    runId: r.run_id,
  });
  return {
    save(owner, runId, s) {
      upsert.run(
        s.id,
        owner.flowName,
        owner.nodeId,
        runId,
        s.status,
        JSON.stringify(s),
        s.createdAt,
        s.updatedAt,
      );
    },
    unfinished(owner) {
      return unfinished.all(owner.flowName, owner.nodeId).map((r) => JSON.parse(r.state) as SagaInstanceView);
    },
    list(flowName, nodeId, limit) {
      const rows = nodeId ? listNode.all(flowName, nodeId, limit) : listFlow.all(flowName, limit);
      return rows.map(toRow);
    },
  };
}
