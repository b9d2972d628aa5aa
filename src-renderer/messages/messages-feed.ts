import { api, errorText } from '../app/api-holder';
import { mergeFirstPage, useMessagesStore } from './messages-store';

const PAGE_SIZE = 200;
/** At most one refresh of the first page per this many ms, however many messages arrive. */
const REFRESH_EVERY_MS = 500;

let timer: ReturnType<typeof setTimeout> | null = null;
let lastRefreshAt = 0;
let inFlight = false;
let again = false;

/** Lists the messages of `runId` (no-op when it is already listed). */
export function showRunMessages(runId: string): void {
  if (useMessagesStore.getState().runId === runId) return;
  useMessagesStore.setState({
    runId,
    rows: [],
    total: 0,
    reachedEnd: false,
    selectedId: null,
    detail: null,
    detailError: null,
  });
  void refreshNow();
}

/** Called for every `messages.added`: updates the total at once, the rows at most twice a second. */
export function onMessagesAdded(runId: string, total: number): void {
  const s = useMessagesStore.getState();
  if (s.runId !== runId) {
    showRunMessages(runId);
    return;
  }
  useMessagesStore.setState({ total });
  if (timer) return;
  const wait = Math.max(0, REFRESH_EVERY_MS - (Date.now() - lastRefreshAt));
  timer = setTimeout(() => {
    timer = null;
    void refreshNow();
  }, wait);
}

/** Fetches the newest page and merges it into the list. */
export async function refreshNow(): Promise<void> {
  if (inFlight) {
    again = true;
    return;
  }
  const runId = useMessagesStore.getState().runId;
  if (!runId) return;
  inFlight = true;
  lastRefreshAt = Date.now();
  try {
    const page = await api()['messages.list']({ runId, limit: PAGE_SIZE });
    const s = useMessagesStore.getState();
    if (s.runId !== runId) return;
    const merged = mergeFirstPage(s.rows, page.rows, PAGE_SIZE);
    useMessagesStore.setState({
      rows: merged.rows,
      total: Math.max(page.total, merged.rows.length),
      reachedEnd: merged.reachedEnd ?? s.reachedEnd,
    });
  } catch {
    // The next `messages.added` or scroll tries again; a transient failure needs no dialog.
  } finally {
    inFlight = false;
    if (again) {
      again = false;
      void refreshNow();
    }
  }
}

/** Loads the page after the oldest loaded row (keyset paging on id). */
export async function loadOlder(): Promise<void> {
  const s = useMessagesStore.getState();
  if (!s.runId || s.reachedEnd || s.loadingOlder || s.rows.length === 0) return;
  const runId = s.runId;
  useMessagesStore.setState({ loadingOlder: true });
  try {
    const beforeId = s.rows[s.rows.length - 1].id;
    const page = await api()['messages.list']({ runId, beforeId, limit: PAGE_SIZE });
    const cur = useMessagesStore.getState();
    if (cur.runId !== runId || cur.rows[cur.rows.length - 1]?.id !== beforeId) return;
    useMessagesStore.setState({
      rows: [...cur.rows, ...page.rows],
      reachedEnd: page.rows.length < PAGE_SIZE,
    });
  } catch {
    // Scrolling again retries.
  } finally {
    useMessagesStore.setState({ loadingOlder: false });
  }
}

/** Selects a message and loads its payload, headers and trace. */
export async function selectMessage(id: number): Promise<void> {
  useMessagesStore.setState({ selectedId: id, detail: null, detailError: null });
  try {
    const detail = await api()['messages.get']({ id });
    if (useMessagesStore.getState().selectedId !== id) return;
    useMessagesStore.setState(
      detail
        ? { detail }
        : { detailError: 'This message is no longer stored (its run may have been deleted).' },
    );
  } catch (err) {
    if (useMessagesStore.getState().selectedId === id)
      useMessagesStore.setState({ detailError: errorText(err) });
  }
}
