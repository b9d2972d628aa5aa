import { api, errorText } from '../app/api-holder';
import type { MessageFilter, MessagePage } from '@shared/trace/message-filter';
import { draftToFilter, EMPTY_DRAFT, type FilterDraft } from './filter-draft';
import { mergeFirstPage, useMessagesStore } from './messages-store';

const PAGE_SIZE = 200;
/** At most one refresh of the first page per this many ms, however many messages arrive. */
const REFRESH_EVERY_MS = 500;
/** A page may come back short (the store stops scanning at a time budget): ask on this many times. */
const MAX_CONTINUES = 8;

let timer: ReturnType<typeof setTimeout> | null = null;
let lastRefreshAt = 0;
let inFlight = false;
let again = false;
/** Bumped by every new query, so answers to an older filter are dropped. */
let generation = 0;

const set = useMessagesStore.setState;
const get = useMessagesStore.getState;

/** Reads pages from `cursor` until `want` rows came or nothing older is left. */
async function fetchRows(filter: MessageFilter, want: number, cursor?: string): Promise<MessagePage> {
  const rows: MessagePage['rows'] = [];
  let next: string | null | undefined = cursor;
  for (let i = 0; i < MAX_CONTINUES; i++) {
    const page = await api()['messages.query']({
      filter,
      limit: want - rows.length,
      ...(next ? { cursor: next } : {}),
    });
    rows.push(...page.rows);
    next = page.nextCursor;
    if (next === null || rows.length >= want) break;
  }
  return { rows, nextCursor: next ?? null };
}

/** Runs the filter in force from the newest message. */
export async function runQuery(): Promise<void> {
  const gen = ++generation;
  const filter = get().filter;
  set({ loading: true, queryError: null, missed: 0 });
  try {
    const page = await fetchRows(filter, PAGE_SIZE);
    if (gen !== generation) return;
    set({ rows: page.rows, cursor: page.nextCursor, loading: false });
  } catch (err) {
    if (gen === generation) set({ rows: [], cursor: null, loading: false, queryError: errorText(err) });
  }
}

/** Applies the filter bar: runs the query, or shows each wrong field's problem beside it. */
export function applyDraft(draft: FilterDraft): void {
  const res = draftToFilter(draft);
  if ('errors' in res) {
    set({ draft, draftErrors: res.errors });
    return;
  }
  set({ draft, draftErrors: {}, filter: res.filter });
  void runQuery();
}

/** Points the browser at a run (its start, or the app opening on the last one). */
export function showRunMessages(runId: string): void {
  const s = get();
  if (s.runId === runId) return;
  set({ runId, total: 0, selectedId: null, detail: null, detailError: null });
  // A filter on the previous run follows to the new one; "all runs" stays all runs.
  if (s.draft.runId !== '' || s.runId === null) applyDraft({ ...s.draft, runId });
}

/** Called for every `messages.added`: the total at once, the rows at most twice a second. */
export function onMessagesAdded(runId: string, total: number): void {
  const s = get();
  if (s.runId !== runId) {
    showRunMessages(runId);
    return;
  }
  const added = Math.max(0, total - s.total);
  set({ total });
  if (s.filter.runId !== undefined && s.filter.runId !== runId) return;
  if (s.paused) {
    set({ missed: s.missed + added });
    return;
  }
  if (timer) return;
  const wait = Math.max(0, REFRESH_EVERY_MS - (Date.now() - lastRefreshAt));
  timer = setTimeout(() => {
    timer = null;
    void refreshNow();
  }, wait);
}

/** Pause stops the live tail (rows stay put); resuming catches up at once. */
export function setPaused(paused: boolean): void {
  set({ paused, ...(paused ? {} : { missed: 0 }) });
  if (!paused) void refreshNow();
}

/** Fetches the newest page of the filter in force and merges it into the list. */
export async function refreshNow(): Promise<void> {
  if (inFlight) {
    again = true;
    return;
  }
  inFlight = true;
  lastRefreshAt = Date.now();
  const gen = generation;
  try {
    const filter = get().filter;
    const page = await api()['messages.query']({ filter, limit: PAGE_SIZE });
    const s = get();
    if (gen !== generation || s.paused) return;
    const merged = mergeFirstPage(s.rows, page.rows, PAGE_SIZE);
    // A short page with a cursor only means the scan stopped early: keep what is loaded below it.
    const short = page.nextCursor !== null && page.rows.length < PAGE_SIZE;
    set(
      short
        ? { rows: [...page.rows, ...s.rows.filter((r) => r.id < (page.rows.at(-1)?.id ?? Infinity))] }
        : {
            rows: merged.rows,
            cursor:
              merged.reachedEnd === true ? null : merged.reachedEnd === false ? page.nextCursor : s.cursor,
          },
    );
  } catch {
    // The next `messages.added` tries again; a transient failure needs no dialog.
  } finally {
    inFlight = false;
    if (again) {
      again = false;
      void refreshNow();
    }
  }
}

let loadingOlder = false;
/** Loads the next older page (keyset cursor). */
export async function loadOlder(): Promise<void> {
  const s = get();
  if (loadingOlder || s.loading || s.cursor === null) return;
  loadingOlder = true;
  const gen = generation;
  try {
    const page = await fetchRows(s.filter, PAGE_SIZE, s.cursor);
    if (gen !== generation) return;
    const cur = get();
    const oldest = cur.rows.at(-1)?.id ?? Infinity;
    set({ rows: [...cur.rows, ...page.rows.filter((r) => r.id < oldest)], cursor: page.nextCursor });
  } catch (err) {
    if (gen === generation) set({ queryError: errorText(err) });
  } finally {
    loadingOlder = false;
  }
}

/** Selects a message and loads its payload, headers and trace. */
export async function selectMessage(id: number): Promise<void> {
  set({ selectedId: id, detail: null, detailError: null });
  try {
    const detail = await api()['messages.get']({ id });
    if (get().selectedId !== id) return;
    set(
      detail
        ? { detail }
        : { detailError: 'This message is no longer stored (its run may have been deleted).' },
    );
  } catch (err) {
    if (get().selectedId === id) set({ detailError: errorText(err) });
  }
}

/** Ticks or unticks a row for comparison; with two ticked, loads both side by side. */
export async function toggleCompare(id: number): Promise<void> {
  const ids = get().compareIds;
  const next = ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id].slice(-2);
  set({ compareIds: next, compare: null });
  if (next.length !== 2) return;
  try {
    const [a, b] = await Promise.all(next.map((x) => api()['messages.get']({ id: x })));
    if (get().compareIds.join() !== next.join()) return;
    if (a && b) set({ compare: [a, b] });
    else set({ detailError: 'One of the two messages is no longer stored.' });
  } catch (err) {
    set({ detailError: errorText(err) });
  }
}

export function closeCompare(): void {
  set({ compareIds: [], compare: null });
}

/** Clears every field (all runs, every message). */
export function clearFilter(): void {
  applyDraft(EMPTY_DRAFT);
}
