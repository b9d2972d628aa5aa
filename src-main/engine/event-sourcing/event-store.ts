import type { EventStoreConfig } from '@shared/flow/kinds/patterns';
import { commandRules, type CommandCheck } from './command-rules';
import { EventStreams } from './event-streams';
import { statusFold, type Fold } from './fold';
import type { EventCommand, StoredEvent } from './stored-event';
import { compileUpcasters, type Upcaster } from './upcast';

/** Where appended events are made durable before the store counts them. */
export interface AppendLog {
  append(event: StoredEvent): Promise<string>;
}

/**
 * An event store: validates each command against the write model, checks the expected
 * version, writes the event to its log and only then adds it to the stream. Appends to one
 * stream run one at a time, so two commands that both expect version 3 cannot both win:
 * the second sees version 4 and is refused.
 */
export class EventStore {
  readonly streams: EventStreams;
  readonly upcaster: Upcaster;
  readonly fold: Fold;
  private readonly check: CommandCheck;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    config: Pick<
      EventStoreConfig,
      'eventTypes' | 'streams' | 'rules' | 'statusByEvent' | 'upcasters' | 'snapshotEvery'
    >,
    private readonly log: AppendLog,
    private readonly now: () => number = Date.now,
  ) {
    this.upcaster = compileUpcasters(config.upcasters);
    this.fold = statusFold(config.statusByEvent);
    this.streams = new EventStreams(this.fold, this.upcaster, config.snapshotEvery);
    this.check = commandRules(config);
  }

  /** Takes in events read back from the log (an earlier run's), in log order. */
  restore(events: readonly StoredEvent[]): void {
    for (const e of events) this.streams.add(e);
  }

  /** Appends the command's event; rejects with the reason when it is refused or the log fails. */
  append(command: EventCommand): Promise<StoredEvent> {
    const before = this.queues.get(command.streamId) ?? Promise.resolve();
    const result = before.then(() => this.appendNow(command));
    const settled = result.catch(() => undefined);
    this.queues.set(command.streamId, settled);
    void settled.then(() => {
      if (this.queues.get(command.streamId) === settled) this.queues.delete(command.streamId);
    });
    return result;
  }

  private async appendNow(command: EventCommand): Promise<StoredEvent> {
    const version = this.streams.nextVersion(command.streamId, command.expectedVersion);
    this.check(command, this.streams.current(command.streamId));
    const event: StoredEvent = {
      streamId: command.streamId,
      version,
      type: command.type,
      schemaVersion: command.schemaVersion ?? this.upcaster.currentVersion(command.type),
      data: command.data,
      recordedAt: Math.max(this.now(), this.lastRecordedAt(command.streamId)),
    };
    event.position = await this.log.append(event);
    this.streams.add(event);
    return event;
  }

  /** Times never go back within a stream, so a point-in-time read is a prefix of it. */
  private lastRecordedAt(streamId: string): number {
    const events = this.streams.events(streamId);
    return events.length > 0 ? events[events.length - 1].recordedAt : 0;
  }
}
