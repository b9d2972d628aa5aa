/**
 * One event as the store keeps it: immutable once written. `version` is its 1-based place in
 * its stream (the stream's version after it); `schemaVersion` is the shape its data was
 * written in, which upcasters lift to the current shape on read.
 */
export interface StoredEvent {
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  /** When the store wrote it (ms since the epoch); point-in-time reads go by this. */
  recordedAt: number;
  /** Where the log holds it, `partition:offset` on a topic. */
  position?: string;
}

/** The folded state of one stream: what the aggregate looks like after its events. */
export type StreamState = Record<string, unknown>;

/** A command asking the store to append one event to a stream. */
export interface EventCommand {
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  /** The stream version the sender saw; the append is refused when the stream moved on. Absent: any. */
  expectedVersion?: number;
  /** The shape `data` is in; absent means the current schema of the type. */
  schemaVersion?: number;
}

/** Headers an event carries on the log topic and when the store passes it on. */
export const EVENT_HEADERS = {
  type: 'event-type',
  version: 'stream-version',
  schemaVersion: 'schema-version',
  recordedAt: 'recorded-at',
} as const;

/** The JSON an event is passed on as (to projections and topics). */
export function eventJson(event: StoredEvent): string {
  return JSON.stringify({
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    schemaVersion: event.schemaVersion,
    recordedAt: event.recordedAt,
    data: event.data,
  });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
