import type { FlowEdge, FlowNode } from '@shared/flow/document';
import { DEFAULT_STATUS_BY_EVENT } from '@shared/flow/kinds/patterns';
import { statusFold, type Fold } from '../../event-sourcing/fold';
import { isPlainObject, type StoredEvent, type StreamState } from '../../event-sourcing/stored-event';
import { compileUpcasters, type Upcaster } from '../../event-sourcing/upcast';
import { ACK, type Outcome } from '../graph/deliver-to';
import type { FlowGraph } from '../graph/flow-graph';
import type { FlowMessage } from '../graph/flow-message';
import { EventStoreNode } from './event-store-node';
import { ReadingNode } from './reading-node';

/**
 * A projection: folds the events it is given into its read model (one entry per stream),
 * the query side of CQRS. Events from its event store queue up and are folded one at a time,
 * so the read model trails the write model; the node's lag is the events appended but not
 * yet folded. On start it first catches up on what the store already holds.
 */
export class ProjectionNode extends ReadingNode<FlowNode<'projection'>> {
  /** The read model: stream id → folded state. */
  readonly readModel = new Map<string, StreamState>();
  private fold: Fold = statusFold(DEFAULT_STATUS_BY_EVENT);
  private upcaster: Upcaster = compileUpcasters([]);
  private readonly queue: Array<{ message: FlowMessage; edge: FlowEdge }> = [];
  private draining: Promise<void> | null = null;
  folded = 0;

  constructor(node: FlowNode<'projection'>, graph: FlowGraph) {
    super(node, graph);
  }

  private get stores(): EventStoreNode[] {
    return this.graph
      .incoming(this.node.id)
      .map((e) => this.graph.actors.get(e.source))
      .filter((a): a is EventStoreNode => a instanceof EventStoreNode);
  }

  override async listen(): Promise<void> {
    const store = this.stores[0];
    if (store) {
      // The store's own fold and upcasters, so the read model matches the write model.
      this.fold = store.store.fold;
      this.upcaster = store.store.upcaster;
      for (const id of store.store.streams.streamIds())
        for (const e of store.store.streams.events(id)) this.apply(e);
    }
    await super.listen();
  }

  /** Takes events in-process at once (the store does not wait for the read side) and folds them in order. */
  override async accept(messages: FlowMessage[], edge: FlowEdge): Promise<void> {
    for (const message of messages) this.queue.push({ message, edge });
    this.showLag();
    this.draining ??= this.drain();
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const { message, edge } = this.queue[0];
      await super.accept([message], edge);
      this.queue.shift();
      this.showLag();
    }
    this.draining = null;
  }

  /** Events appended but not folded yet: queued from the store, or the group's lag on a topic it reads. */
  get lag(): number {
    return this.graph.ctx.stats.get(this.node.id)?.lag ?? this.queue.length;
  }

  private showLag(): void {
    this.graph.ctx.stats.setGauge(this.node.id, 'lag', this.queue.length);
  }

  protected async work(message: FlowMessage): Promise<Outcome> {
    const ms = this.node.config.processingMs;
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
    this.apply(readEvent(message));
    return ACK;
  }

  /** Folds one event into its stream's entry; an event already folded (a redelivery) changes nothing. */
  private apply(event: StoredEvent): void {
    const wanted = this.node.config.events;
    if (wanted.length > 0 && !wanted.includes(event.type)) return;
    const before = this.readModel.get(event.streamId) ?? null;
    if (before && typeof before.version === 'number' && before.version >= event.version) return;
    this.readModel.set(event.streamId, this.fold(before, this.upcaster.upcast(event)));
    this.folded++;
  }

  override async close(): Promise<void> {
    // What the store appended is folded before the run ends (bounded by the run's close timeout).
    await this.draining;
    await super.close();
  }
}

/** An event as a store passes it on (JSON with streamId, version, type, data). */
function readEvent(message: FlowMessage): StoredEvent {
  let json: unknown;
  try {
    json = JSON.parse(message.payload.toString('utf8'));
  } catch {
    throw new Error('not an event: the payload is not JSON');
  }
  if (!isPlainObject(json) || typeof json.type !== 'string' || typeof json.version !== 'number')
    throw new Error('not an event: expected {"streamId", "version", "type", "data"} as an event store sends');
  const streamId = typeof json.streamId === 'string' ? json.streamId : message.key;
  if (!streamId) throw new Error('not an event: it names no stream');
  return {
    streamId,
    version: json.version,
    type: json.type,
    schemaVersion: typeof json.schemaVersion === 'number' ? json.schemaVersion : 1,
    data: isPlainObject(json.data) ? json.data : {},
    recordedAt: typeof json.recordedAt === 'number' ? json.recordedAt : 0,
  };
}
