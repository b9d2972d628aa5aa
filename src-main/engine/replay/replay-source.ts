import type { ReplaySource } from '@shared/api/replay-requests';
import type { Store } from '../../store/store';
import type { StoredMessage } from '../../store/replay-table';

const CHUNK = 1000;

/** The messages of a replay, read from the store a chunk at a time, oldest first. */
export interface SourceReader {
  total: number;
  /** In words, for the replay record: `message 42`, `run 1b2c…`, `312 messages of a filter`. */
  describe: string;
  /** The run the (first) message was recorded in: its flow is the replay's. */
  sourceRunId: string | null;
  chunks(): AsyncGenerator<StoredMessage[]>;
}

/** Resolves a source to its messages; throws naming the run or id when there is nothing to replay. */
export async function openSource(store: Store, source: ReplaySource): Promise<SourceReader> {
  if (source.kind === 'run') {
    const total = store.replays.countRunMessages(source.runId);
    if (total === 0) throw new Error(`run "${source.runId}" recorded no messages to replay`);
    const run = store.getRun(source.runId);
    return {
      total,
      sourceRunId: source.runId,
      describe: `run ${source.runId.slice(0, 8)}${run ? ` (${run.flowName})` : ''}`,
      async *chunks() {
        let after = 0;
        for (;;) {
          const rows = store.replays.runMessages(source.runId, after, CHUNK);
          if (rows.length === 0) return;
          after = rows[rows.length - 1].id;
          yield rows;
        }
      },
    };
  }
  const ids = source.kind === 'messages' ? source.ids : await store.replays.filterIds(source.filter);
  if (ids.length === 0) throw new Error('the filter matches no recorded message');
  const first = store.replays.messages(ids.slice(0, 1));
  if (first.length === 0)
    throw new Error(`message ${ids[0]} is not recorded (deleted, or from another workspace)`);
  return {
    total: ids.length,
    sourceRunId: first[0].runId,
    describe:
      source.kind === 'filter'
        ? `${ids.length} message(s) of a filter`
        : ids.length === 1
          ? `message ${ids[0]}`
          : `${ids.length} selected messages`,
    async *chunks() {
      for (let i = 0; i < ids.length; i += CHUNK) yield store.replays.messages(ids.slice(i, i + CHUNK));
    },
  };
}
