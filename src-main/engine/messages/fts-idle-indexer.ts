import type { Store } from '../../store/store';

/** Quiet time after a recorder flush before indexing starts, so bursts are indexed in bulk. */
const IDLE_MS = 300;
/** Ids per slice: a few ms of work, then the event loop gets a turn. */
const SLICE_IDS = 10_000;

/**
 * Keeps the full-text index caught up off the recorder's path: after the recorder writes,
 * and once it has been quiet for a moment, indexes new rows in slices. A full-text query
 * still indexes whatever is left before answering, so results never miss a row.
 */
export function createFtsIdleIndexer(
  store: Store,
  onError: (err: Error) => void,
): { written(): void; close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const slice = (): void => {
    timer = undefined;
    if (closed) return;
    try {
      if (store.indexFullText(SLICE_IDS) === SLICE_IDS) timer = setTimeout(slice, 0);
    } catch (err) {
      onError(err instanceof Error ? err : new Error(String(err)));
    }
  };
  return {
    written() {
      if (closed) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(slice, IDLE_MS);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
