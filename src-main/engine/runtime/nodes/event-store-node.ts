import type { FlowNode } from '@shared/flow/document';
import { EventLog, logTopicName } from '../../event-sourcing/event-log';
import { EventStore } from '../../event-sourcing/event-store';
import { parseCommand } from '../../event-sourcing/parse-command';
import { EVENT_HEADERS, eventJson, type StoredEvent } from '../../event-sourcing/stored-event';
import type { TopicProducer, TopicTransport } from '../../transports/transport';
import { ACK, deliverTo, type Outcome } from '../graph/deliver-to';
import type { FlowGraph } from '../graph/flow-graph';
import type { FlowMessage } from '../graph/flow-message';
import type { SharedClient } from './shared-client';
import { ReadingNode } from './reading-node';

/** What became of a command: its event, or why it was refused (ConcurrencyError, CommandRefused, or a bad command). */
export type AppendResult = { ok: true; event: StoredEvent } | { ok: false; error: Error };

/**
 * An event store node: takes commands from the topics and queues connected into it and from
 * services that publish to it, appends each as an event to its stream (refusing stale
 * expected versions and commands the rules refuse, as nacks with the reason in the trace),
 * and passes every appended event on to its projections and channels. The log is a topic on
 * the run's Kafka (or embedded) broker, read back on start, so versions carry across runs.
 */
export class EventStoreNode extends ReadingNode<FlowNode<'eventStore'>> {
  readonly store: EventStore;
  readonly topic: string;
  private readonly log: EventLog | null;

  constructor(
    node: FlowNode<'eventStore'>,
    graph: FlowGraph,
    topics: TopicTransport | null,
    producer: SharedClient<TopicProducer>,
  ) {
    super(node, graph);
    this.topic = logTopicName(node.config);
    this.log = topics ? new EventLog(topics, this.topic, () => producer.get()) : null;
    this.store = new EventStore(node.config, {
      append: (event) => {
        if (!this.log) throw new Error('this run has no topic broker for the event log');
        return this.log.append(event);
      },
    });
  }

  async prepare(): Promise<void> {
    if (!this.log)
      throw new Error('the event store keeps its log on a topic: pick an environment with Kafka');
    const earlier = await this.log.open();
    try {
      this.store.restore(earlier);
    } catch (err) {
      throw new Error(
        `the log topic ${this.topic} holds events this store cannot take back: ${(err as Error).message}`,
      );
    }
    if (earlier.length > 0)
      this.graph.ctx.log(
        'info',
        this.node.id,
        `read ${earlier.length} event(s) of ${this.store.streams.streamIds().length} stream(s) back from ${this.topic}`,
      );
  }

  protected async work(message: FlowMessage): Promise<Outcome> {
    const result = await this.appendAndPassOn(message);
    return result.ok
      ? ACK
      : { settle: 'nack', requeue: false, error: `append refused: ${result.error.message}` };
  }

  /**
   * A command a service hands over and waits for (a REST route that appends): the same
   * delivery, append and trace as any other, with the event or the refusal returned.
   */
  async appendFor(from: FlowNode, message: FlowMessage): Promise<AppendResult> {
    let result: AppendResult = { ok: false, error: new Error('the store did not take the command') };
    const source = { nodeId: from.id, destination: from.config.name, transport: 'inproc' as const };
    await deliverTo(this.graph.ctx, this.node, source, message, async (m) => {
      result = await this.appendAndPassOn(m);
      return result.ok
        ? ACK
        : { settle: 'nack', requeue: false, error: `append refused: ${result.error.message}` };
    });
    return result;
  }

  private async appendAndPassOn(message: FlowMessage): Promise<AppendResult> {
    let event: StoredEvent;
    try {
      event = await this.store.append(parseCommand(message.payload, message.key));
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err : new Error(String(err)) };
    }
    await this.graph.emit(this.node, [this.passOn(event, message)]);
    return { ok: true, event };
  }

  /** The appended event as its readers get it: upcast to the current schema, keyed by stream. */
  private passOn(event: StoredEvent, cause: FlowMessage): FlowMessage {
    const current = this.store.upcaster.upcast(event);
    return {
      key: event.streamId,
      headers: {
        [EVENT_HEADERS.type]: current.type,
        [EVENT_HEADERS.version]: String(current.version),
        [EVENT_HEADERS.schemaVersion]: String(current.schemaVersion),
      },
      payload: Buffer.from(eventJson(current)),
      trace: cause.trace,
    };
  }
}
