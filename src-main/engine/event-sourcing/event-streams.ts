import { foldEvents, type Fold } from './fold';
import type { StoredEvent, StreamState } from './stored-event';
import type { Upcaster } from './upcast';

/** An append whose expected version is not the stream's version: someone wrote first. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      `stale expected version ${expected} for stream ${streamId}: it is at version ${actual}` +
        (actual > expected ? ' (another command was written first)' : ''),
    );
    this.name = 'ConcurrencyError';
  }
}

/** A stream's folded state at one version, kept so reads need not fold from the start. */
export interface Snapshot {
  version: number;
  state: StreamState;
  takenAt: number;
}

/** Where to read a stream: at an event number, or as it was at a time (default: now). */
export type PointInTime = { version: number } | { timestamp: number } | Record<string, never>;

export interface StateAt {
  streamId: string;
  /** The stream version the state is at (0: before its first event). */
  version: number;
  /** The stream's latest version. */
  latest: number;
  state: StreamState | null;
  /** The snapshot the fold started from, when one was used. */
  snapshotVersion: number | null;
}

interface Stream {
  events: StoredEvent[];
  snapshots: Snapshot[];
  /** State at the latest version, kept up to date on every append. */
  current: StreamState | null;
}

/**
 * The streams of one event store: events in version order per stream, a snapshot every
 * `snapshotEvery` events, and reads of any stream at any version or time. Appends only:
 * nothing here changes or removes an event once added.
 */
export class EventStreams {
  private readonly streams = new Map<string, Stream>();
  private total = 0;

  constructor(
    private readonly fold: Fold,
    private readonly upcaster: Upcaster,
    private readonly snapshotEvery: number,
  ) {}

  /** Events in all streams. */
  get size(): number {
    return this.total;
  }

  /** The stream's version: how many events it holds. */
  version(streamId: string): number {
    return this.streams.get(streamId)?.events.length ?? 0;
  }

  /** The version the next event of the stream gets; throws ConcurrencyError on a stale expectation. */
  nextVersion(streamId: string, expectedVersion?: number): number {
    const actual = this.version(streamId);
    if (expectedVersion !== undefined && expectedVersion !== actual)
      throw new ConcurrencyError(streamId, expectedVersion, actual);
    return actual + 1;
  }

  /** The state after the stream's last event (null when it has none). */
  current(streamId: string): StreamState | null {
    return this.streams.get(streamId)?.current ?? null;
  }

  /** Adds an event already written to the log; its version must be the stream's next. */
  add(event: StoredEvent): void {
    let stream = this.streams.get(event.streamId);
    if (!stream) {
      stream = { events: [], snapshots: [], current: null };
      this.streams.set(event.streamId, stream);
    }
    if (event.version !== stream.events.length + 1)
      throw new Error(
        `event ${event.version} of stream ${event.streamId} is out of order: the stream is at ${stream.events.length}`,
      );
    stream.events.push(event);
    this.total++;
    stream.current = this.fold(stream.current, this.upcaster.upcast(event));
    if (this.snapshotEvery > 0 && event.version % this.snapshotEvery === 0)
      stream.snapshots.push({
        version: event.version,
        state: structuredClone(stream.current),
        takenAt: Date.now(),
      });
  }

  events(streamId: string): readonly StoredEvent[] {
    return this.streams.get(streamId)?.events ?? [];
  }

  snapshots(streamId: string): readonly Snapshot[] {
    return this.streams.get(streamId)?.snapshots ?? [];
  }

  streamIds(): string[] {
    return [...this.streams.keys()];
  }

  /**
   * The stream's state at an event number (the first `version` events) or at a time (the
   * events recorded up to then), folded from the nearest snapshot at or before that point.
   */
  stateAt(streamId: string, at: PointInTime = {}): StateAt {
    const events = this.events(streamId);
    const latest = events.length;
    let version = latest;
    if ('version' in at) version = Math.max(0, Math.min(latest, Math.floor(at.version)));
    else if ('timestamp' in at) {
      version = 0;
      while (version < latest && events[version].recordedAt <= at.timestamp) version++;
    }
    let snapshot: Snapshot | null = null;
    for (const s of this.snapshots(streamId)) if (s.version <= version) snapshot = s;
    const from = snapshot ? structuredClone(snapshot.state) : null;
    const state = foldEvents(events.slice(snapshot?.version ?? 0, version), this.fold, this.upcaster, from);
    return { streamId, version, latest, state, snapshotVersion: snapshot?.version ?? null };
  }
}
