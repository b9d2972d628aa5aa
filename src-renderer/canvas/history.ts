/**
 * How a change enters the undo history (Excalidraw's capture modes):
 * - `now`: one step at once; further `now` changes in the same task join it, so a delete
 *   that React Flow reports as node changes then edge changes is still one step;
 * - `never`: not an edit at all (selection, measurement, engine counters, loading a file);
 * - `gesture`: part of a gesture; the step is taken when the gesture ends (`gesture-end`),
 *   so a drag is one step however many moves it reports;
 * - `burst`: typing; changes with the same key join one step while they keep coming
 *   within {@link BURST_MS} of each other.
 */
export type Capture =
  | { mode: 'now' }
  | { mode: 'never' }
  | { mode: 'gesture' }
  | { mode: 'gesture-end' }
  | { mode: 'burst'; key: string };

/** A pause in typing longer than this starts a new undo step. */
export const BURST_MS = 500;
/** How many steps undo can go back. */
export const HISTORY_LIMIT = 200;

/** Undo and redo stacks of states `T` (whole-document snapshots sharing unchanged objects). */
export interface History<T> {
  past: T[];
  future: T[];
  /** The state before the gesture in progress, if any. */
  open: T | null;
  /** What the newest past step may still absorb: same task, or same burst key in time. */
  tail: { task: unknown; key: string | null; at: number } | null;
}

/** An empty history. */
export function emptyHistory<T>(): History<T> {
  return { past: [], future: [], open: null, tail: null };
}

function push<T>(h: History<T>, before: T, tail: History<T>['tail']): History<T> {
  const past = [...h.past, before];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, future: [], open: null, tail };
}

/**
 * The history after a change from state `before`, captured as `capture`. `task` identifies
 * the current macrotask (changes in one task form one step); `at` is the time in ms.
 */
export function record<T>(h: History<T>, before: T, capture: Capture, task: unknown, at: number): History<T> {
  switch (capture.mode) {
    case 'never':
      return h;
    case 'gesture':
      return h.open !== null ? h : { ...h, open: before, future: [], tail: null };
    case 'gesture-end':
      return push(h, h.open ?? before, { task, key: null, at });
    case 'burst': {
      const t = h.tail;
      if (h.open === null && t?.key === capture.key && at - t.at < BURST_MS)
        return { ...h, tail: { ...t, at } };
      return push(h, h.open ?? before, { task, key: capture.key, at });
    }
    case 'now':
      if (h.open === null && h.tail && h.tail.task === task) return h;
      return push(h, h.open ?? before, { task, key: null, at });
  }
}

/** Ends a gesture that never reported its end (e.g. undo pressed mid-drag). */
function closeOpen<T>(h: History<T>): History<T> {
  return h.open !== null ? push(h, h.open, null) : h;
}

/**
 * Steps back: returns the state to show and the new history, or null when there is
 * nothing to undo. Steps equal to `current` (a gesture that changed nothing) are skipped.
 */
export function undo<T>(
  history: History<T>,
  current: T,
  same: (a: T, b: T) => boolean,
): { state: T; history: History<T> } | null {
  const h = closeOpen(history);
  const past = [...h.past];
  let state = past.pop();
  while (state !== undefined && same(state, current)) state = past.pop();
  if (state === undefined) return null;
  return { state, history: { past, future: [...h.future, current], open: null, tail: null } };
}

/** Steps forward again after an undo; null when there is nothing to redo. */
export function redo<T>(h: History<T>, current: T): { state: T; history: History<T> } | null {
  if (h.future.length === 0) return null;
  const future = [...h.future];
  const state = future.pop() as T;
  return { state, history: { past: [...h.past, current], future, open: null, tail: null } };
}
