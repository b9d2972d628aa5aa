import type { Upcaster } from './upcast';
import type { StoredEvent, StreamState } from './stored-event';

/** Applies one event (already upcast) to a stream's state; null is the state before any event. */
export type Fold = (state: StreamState | null, event: StoredEvent) => StreamState;

/**
 * The fold every store and projection of a flow uses: the event's data is merged over the
 * state (later values win), `status` follows the event type when the map names it, and
 * `version` is the stream version the state is at.
 */
export function statusFold(statusByEvent: Readonly<Record<string, string>>): Fold {
  return (state, event) => {
    const status = statusByEvent[event.type];
    return {
      ...(state ?? {}),
      ...event.data,
      ...(status !== undefined ? { status } : {}),
      version: event.version,
    };
  };
}

/** Folds events in order, upcasting each first, starting from `from` (a snapshot) or nothing. */
export function foldEvents(
  events: readonly StoredEvent[],
  fold: Fold,
  upcaster: Upcaster,
  from: StreamState | null = null,
): StreamState | null {
  let state = from;
  for (const e of events) state = fold(state, upcaster.upcast(e));
  return state;
}
