import { create } from 'zustand';
import { serializeFlow } from '@shared/flow/parse';
import { api, errorText } from '../app/api-holder';
import { useFlowStore } from '../canvas/flow-store';

/** Waits this long after the last edit before writing the recovery file. */
export const AUTOSAVE_DELAY_MS = 1000;
/** Writes at the latest this long after the first unsaved edit, even while edits continue. */
export const AUTOSAVE_MAX_WAIT_MS = 5000;

export type AutosaveState =
  | { phase: 'idle' }
  | { phase: 'pending' }
  | { phase: 'saved'; savedAt: number }
  | { phase: 'error'; message: string };

/** What the autosave indicator shows. */
export const useAutosaveStore = create<AutosaveState>()(() => ({ phase: 'idle' }));

// Recovery writes and clears run one after another, so a slow save can never land after
// the clear that followed it and leave a stale recovery file behind.
let queue: Promise<unknown> = Promise.resolve();
function enqueue(op: () => Promise<unknown>): void {
  queue = queue.then(op).catch(() => undefined);
}

/** Removes the recovery file (after a save, New, Open, or a discarded restore). */
export function clearRecovery(): void {
  useAutosaveStore.setState({ phase: 'idle' }, true);
  enqueue(() => api()['recovery.clear']({}));
}

/**
 * Starts autosaving: while the flow is unsaved, its text goes to the workspace recovery
 * file a second after the last edit (at most five after the first). Edits only reset a
 * timer; serializing happens in the timer, never while the user types. When the flow
 * becomes saved (Save, New, Open) the recovery file is removed. Returns a stop function.
 */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt = 0;

  const cancel = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    firstPendingAt = 0;
  };

  const flush = (): void => {
    cancel();
    const state = useFlowStore.getState();
    if (!state.dirty) return;
    const text = serializeFlow(state.toDocument());
    const filePath = state.filePath;
    enqueue(async () => {
      try {
        const { savedAt } = await api()['recovery.save']({ text, filePath });
        // A save that finished after the flow was saved for real must not show as pending work.
        if (useFlowStore.getState().dirty) useAutosaveStore.setState({ phase: 'saved', savedAt }, true);
      } catch (err) {
        useAutosaveStore.setState({ phase: 'error', message: errorText(err) }, true);
      }
    });
  };

  const schedule = (): void => {
    const now = Date.now();
    if (!firstPendingAt) firstPendingAt = now;
    if (timer) clearTimeout(timer);
    const wait = Math.min(AUTOSAVE_DELAY_MS, Math.max(0, firstPendingAt + AUTOSAVE_MAX_WAIT_MS - now));
    timer = setTimeout(flush, wait);
    if (useAutosaveStore.getState().phase !== 'pending')
      useAutosaveStore.setState({ phase: 'pending' }, true);
  };

  const unsubscribe = useFlowStore.subscribe((s, prev) => {
    if (s.dirty && (s.edits !== prev.edits || !prev.dirty)) schedule();
    else if (!s.dirty && prev.dirty) {
      cancel();
      clearRecovery();
    }
  });
  if (useFlowStore.getState().dirty) schedule();
  return () => {
    cancel();
    unsubscribe();
  };
}
