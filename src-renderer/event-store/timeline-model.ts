import type { EventListItem } from '@shared/api/event-store-types';

/** How the time slider moves: one step per event, or through time between the first and last event. */
export type TimelineMode = 'events' | 'time';

/** A point of the slider as the engine is asked for it. */
export type TimelinePoint = { version: number } | { timestamp: number };

/** Bounds and step of the slider for a stream's events. */
export function sliderRange(
  mode: TimelineMode,
  events: readonly EventListItem[],
): { min: number; max: number; step: number } {
  if (mode === 'events') return { min: 0, max: events.length, step: 1 };
  const first = events[0]?.recordedAt ?? 0;
  const last = events[events.length - 1]?.recordedAt ?? first;
  // One step before the first event shows the stream before it began.
  return { min: first - 1, max: Math.max(last, first), step: 1 };
}

/** The request point for a slider value. */
export function pointAt(mode: TimelineMode, value: number): TimelinePoint {
  return mode === 'events' ? { version: Math.max(0, Math.round(value)) } : { timestamp: Math.round(value) };
}

/** `hh:mm:ss.mmm` in local time: events of one run are seconds apart. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** What the slider's position means, e.g. "after event 2 of 3: PaymentReceived at 10:01:02.345". */
export function positionLabel(version: number, events: readonly EventListItem[]): string {
  if (version === 0) return `before the first of ${events.length} event${events.length === 1 ? '' : 's'}`;
  const e = events[version - 1];
  if (!e) return `after event ${version}`;
  return `after event ${version} of ${events.length}: ${e.type} at ${clockTime(e.recordedAt)}`;
}
