/** What the event store API answers (see `eventStore.*` requests in contract.ts). */

/** One stream of an event store: its id, version and the times of its first and last events. */
export interface EventStreamSummary {
  streamId: string;
  version: number;
  firstAt: number;
  lastAt: number;
}

export interface EventStoreStreams {
  nodeId: string;
  /** The topic the store keeps its log on. */
  topic: string;
  /** Events in all streams. */
  total: number;
  streams: EventStreamSummary[];
  /** Projections fed by this store: events appended but not yet folded, and entries in the read model. */
  projections: Array<{ nodeId: string; readModel: string; lag: number; entries: number }>;
}

/** One event of a stream as written (its stored schema), for the time slider's marks. */
export interface EventListItem {
  version: number;
  type: string;
  schemaVersion: number;
  recordedAt: number;
  data: Record<string, unknown>;
}

/** A stream's state rebuilt at a point: by event number or as it was at a time. */
export interface EventStoreState {
  streamId: string;
  /** The version the state is at (0: before the first event). */
  version: number;
  latest: number;
  /** The folded state (upcasters applied); null before the first event. */
  state: Record<string, unknown> | null;
  /** The snapshot the fold started from, when one was used. */
  snapshotVersion: number | null;
  events: EventListItem[];
}
