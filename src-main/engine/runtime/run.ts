import type { RunEnvironment } from '../environments/run-environment';
import type { Transport } from '@shared/trace/events';
import type { FaultSpec } from '@shared/flow/kinds/faults';
import type { CompiledFlow } from '../compiler/compiled-flow';
import { faultProtocolFor, type FaultProtocol } from '../faults/protocol-error';
import type { TopicProducer, TransportEvent } from '../transports/transport';
import { buildActors, type RunClients } from './build-actors';
import { FlowGraph } from './graph/flow-graph';
import { isChannel, type ChannelActor, type NodeActor } from './graph/node-actor';
import { FaultPoints } from './graph/fault-points';
import { publishDecisions } from './graph/publish-with-faults';
import { NodeStats } from './node-stats';
import { ReadingNode } from './nodes/reading-node';
import { SharedClient } from './nodes/shared-client';
import { RunContext, type TraceSink } from './run-context';
import { createRunTransports, type RunTransports } from './run-transports';

const QUIET_MS = 300;
const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * One run of a compiled flow: a graph of node actors driven through the same phases —
 * prepare (topics, queues, servers), listen (readers subscribe), run (sources send). It owns
 * every client, server, consumer and timer it creates and closes all of them on Stop. A
 * broker that fails only turns its own nodes red: the other paths keep running.
 */
export class Run {
  readonly ctx: RunContext;
  readonly graph: FlowGraph;
  private readonly activity: Array<Promise<void>> = [];
  private transports: RunTransports = { topics: null, queues: null };
  private readonly clients: RunClients;
  private readonly topicProducers = new Map<string, SharedClient<TopicProducer>>();
  private readonly names: { topics: 'kafka' | 'embedded'; queues: 'amqp' | 'embedded' };

  constructor(
    readonly runId: string,
    readonly compiled: CompiledFlow,
    readonly environment: RunEnvironment,
    sink: TraceSink,
    /** Ports for service nodes instead of the flow's own (tests, parallel runs). */
    private readonly ports?: Record<string, number>,
  ) {
    this.ctx = new RunContext(runId, sink, new NodeStats(compiled.flow.nodes.map((n) => n.id)));
    this.graph = new FlowGraph(this.ctx, compiled.flow);
    if (environment.kind === 'brokers') this.ctx.grpcTls = environment.grpc?.tls;
    const local = environment.kind === 'brokers';
    this.names = { topics: local ? 'kafka' : 'embedded', queues: local ? 'amqp' : 'embedded' };
    this.clients = {
      topicProducerFor: (options) => {
        const key = JSON.stringify(options);
        let client = this.topicProducers.get(key);
        if (!client) {
          client = new SharedClient(() => this.need(this.transports.topics).createProducer(options));
          this.topicProducers.set(key, client);
        }
        return client;
      },
      exchangePublisher: new SharedClient(() => this.need(this.transports.queues).createExchangePublisher()),
    };
  }

  get stats(): NodeStats {
    return this.ctx.stats;
  }

  /** Connects everything and starts the sources. Broker failures mark nodes, never throw. */
  async start(): Promise<void> {
    const c = this.compiled;
    for (const n of c.flow.nodes) this.stats.setStatus(n.id, 'connecting');
    this.transports = createRunTransports(
      this.environment,
      {
        // An event store keeps its log on a topic.
        topics: c.topics.length > 0 || c.flow.nodes.some((n) => n.kind === 'eventStore'),
        queues: c.queues.length > 0 || c.flow.nodes.some((n) => n.kind === 'rabbitExchange'),
      },
      this.runId,
      {
        topics: (e) => this.onTransportEvent(this.names.topics, e),
        queues: (e) => this.onTransportEvent(this.names.queues, e),
      },
    );
    buildActors(c, this.graph, this.transports, this.clients, this.names, this.ports);
    this.graph.faults = new FaultPoints(c.flow, (id) => this.faultProtocolOf(id));
    this.wireFaultReleases();
    const actors = [...this.graph.actors.values()];
    await Promise.all(actors.map((a) => this.prepare(a)));
    await this.bindExchanges();
    if (this.ctx.isStopping) return;
    await Promise.all(actors.map((a) => a.listen?.()));
    if (this.ctx.isStopping) return;
    for (const actor of actors) {
      if (!actor.run) continue;
      this.activity.push(
        actor.run().catch((err) => this.ctx.fail([actor.node.id], this.transportOf(actor), errorText(err))),
      );
    }
  }

  private async prepare(actor: NodeActor): Promise<void> {
    if (!actor.prepare) return;
    try {
      await actor.prepare();
      this.stats.setStatus(actor.node.id, 'running');
    } catch (err) {
      const message = errorText(err);
      if (isChannel(actor)) {
        actor.failed = message;
        // The nodes that send to it or read from it cannot work either.
        this.ctx.fail([actor.node.id, ...this.graph.neighbours(actor.node.id)], actor.transport, message);
      } else {
        this.ctx.fail([actor.node.id], this.transportOf(actor), message);
      }
    }
  }

  /** Binds each exchange to the queues and exchanges its edges lead to (both ends declared). */
  private async bindExchanges(): Promise<void> {
    const rabbit = this.transports.queues;
    if (!rabbit) return;
    const byName = new Map<string, ChannelActor>();
    for (const a of this.graph.actors.values())
      if (isChannel(a) && a.node.kind !== 'kafkaTopic') byName.set(`${a.node.kind}:${a.destination}`, a);
    for (const binding of this.compiled.rabbit.bindings) {
      const from = byName.get(`rabbitExchange:${binding.exchange}`);
      const kind = binding.destinationType === 'queue' ? 'rabbitQueue' : 'rabbitExchange';
      const to = byName.get(`${kind}:${binding.destination}`);
      if (!from || !to || from.failed || to.failed) continue;
      try {
        await rabbit.bind(binding);
      } catch (err) {
        this.ctx.fail([from.node.id, to.node.id], from.transport, errorText(err));
      }
    }
  }

  /**
   * Stops the sources, lets in-flight messages reach their readers (bounded by drainMs), then
   * closes every consumer, client, server and connection this run opened.
   */
  async stop(drainMs = 5000): Promise<void> {
    this.ctx.beginStop();
    await withTimeout(Promise.allSettled(this.activity), drainMs);
    await this.waitForDrain(drainMs);
    for (const actor of [...this.graph.actors.values()].reverse())
      await withTimeout(actor.close?.().catch(() => undefined) ?? Promise.resolve(), 5000);
    await Promise.all(
      [...this.topicProducers.values(), this.clients.exchangePublisher].map((c) =>
        withTimeout(
          c.close().catch(() => undefined),
          5000,
        ),
      ),
    );
    await Promise.all(
      [this.transports.topics, this.transports.queues].map((t) =>
        t
          ? withTimeout(
              t.close().catch(() => undefined),
              5000,
            )
          : undefined,
      ),
    );
    for (const node of this.compiled.flow.nodes) {
      const s = this.stats.get(node.id);
      if (s && s.status !== 'error') this.stats.setStatus(node.id, 'stopped');
    }
  }

  /** Waits until every channel has handed each message to each of its reader groups. */
  private async waitForDrain(ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    const channels = [...this.graph.actors.values()].filter(isChannel).filter((c) => !c.failed);
    // An exchange routes to queues by bindings only the broker knows, so behind one the
    // run also waits until deliveries have been quiet for a moment.
    const routed = channels.some((c) => c.node.kind === 'rabbitExchange');
    const pending = (): boolean =>
      (routed && Date.now() - this.ctx.lastDeliveryAt < QUIET_MS) ||
      channels.some((c) => {
        const st = this.stats.get(c.node.id);
        return st !== undefined && st.sent < st.received * c.fanOut;
      });
    while (pending() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  private onTransportEvent(transport: 'kafka' | 'amqp' | 'embedded', event: TransportEvent): void {
    const channels = [...this.graph.actors.values()]
      .filter(isChannel)
      .filter((c) => c.transport === transport);
    const ids = channels.flatMap((c) => [c.node.id, ...this.graph.neighbours(c.node.id)]);
    if (event.type === 'connection-lost') this.ctx.fail(ids, transport, event.error);
    else if (event.type === 'reconnected') for (const id of ids) this.stats.recover(id);
    else if (event.type === 'rebalance') {
      this.ctx.log(
        'info',
        this.readersOfGroup(event.groupId)[0],
        `rebalance in group ${event.groupId}: ${event.detail}`,
      );
    } else if (event.type === 'consumer-crashed' && event.restarting) {
      this.ctx.log(
        'warning',
        this.readersOfGroup(event.groupId)[0],
        `consumer crashed and is restarting: ${event.error}`,
      );
    } else if (event.type === 'consumer-crashed') {
      // Kafka names the group; RabbitMQ names the queue the consumer read.
      this.ctx.fail(this.readersOfGroup(event.groupId), transport, `stopped: ${event.error}`);
    }
  }

  private readersOfGroup(groupId: string): string[] {
    return this.compiled.consumers
      .filter(
        (c) =>
          (c.node.config.group || c.node.config.name) === groupId ||
          this.graph.channelsInto(c.node.id).some((ch) => ch.destination === groupId),
      )
      .map((c) => c.node.id);
  }

  /** The restart action of a stopped consumer: restarts its crashed members. */
  async restartNode(nodeId: string): Promise<{ restarted: number }> {
    const actor = this.graph.actors.get(nodeId);
    if (!(actor instanceof ReadingNode)) return { restarted: 0 };
    const restarted = await actor.restart();
    if (restarted > 0) this.ctx.log('info', nodeId, `restarted ${restarted} stopped member(s)`);
    return { restarted };
  }

  /** Which protocol's errors a fault at this node or edge injects. */
  private faultProtocolOf(id: string): FaultProtocol {
    const edge = this.compiled.flow.edges.find((e) => e.id === id);
    const actor = this.graph.actors.get(edge ? edge.target : id);
    if (!actor) return 'http';
    const k = actor.node.kind;
    if (k === 'grpcService' || k === 'grpcClient') return 'grpc';
    if (k === 'restService' || k === 'restClient') return 'http';
    if (k === 'graphqlService' || k === 'graphqlClient') return 'graphql';
    // A reader takes the form of the channel it reads (a Kafka error, or an AMQP nack).
    const channel = isChannel(actor) ? actor : this.graph.channelsInto(actor.node.id)[0];
    const shape = channel?.node.kind === 'kafkaTopic' ? 'topic' : 'queue';
    return faultProtocolFor(this.transportOf(actor), shape);
  }

  /** Where messages a reorder fault held back go when released. */
  private wireFaultReleases(): void {
    const faults = this.graph.faults;
    if (!faults) return;
    for (const edge of this.compiled.flow.edges) {
      const from = this.graph.node(edge.source);
      const target = this.graph.actors.get(edge.target);
      if (from && isChannel(target))
        faults.onRelease(edge.id, (d) => void publishDecisions(this.ctx, from, target, edge, d));
    }
    for (const actor of this.graph.actors.values()) {
      const id = actor.node.id;
      if (isChannel(actor)) {
        const edge = this.graph.incoming(id)[0];
        const from = edge && this.graph.node(edge.source);
        if (from) faults.onRelease(id, (d) => void publishDecisions(this.ctx, from, actor, edge, d));
      } else if (actor instanceof ReadingNode) {
        const channel = this.graph.channelsInto(id)[0];
        const source = channel
          ? { nodeId: channel.node.id, destination: channel.destination, transport: channel.transport }
          : { nodeId: id, destination: actor.node.config.name, transport: 'inproc' as const };
        faults.onRelease(id, (d) =>
          actor.releaseHeld(
            source,
            d.flatMap((x) => (x.action === 'deliver' ? [x.message] : [])),
          ),
        );
      }
    }
  }

  /** Faults on demand: replaces the faults of a node or edge while the run goes. */
  setFaults(targetId: string, faults: FaultSpec[]): void {
    const known =
      this.compiled.flow.nodes.some((n) => n.id === targetId) ||
      this.compiled.flow.edges.some((e) => e.id === targetId);
    if (!known) throw new Error(`no node or edge "${targetId}" in this run`);
    this.graph.faults?.set(targetId, faults);
    const on = faults.filter((f) => f.enabled !== false).map((f) => f.kind);
    const nodeId = this.compiled.flow.nodes.some((n) => n.id === targetId) ? targetId : undefined;
    this.ctx.log(
      'info',
      nodeId,
      on.length > 0 ? `faults on ${targetId}: ${on.join(', ')}` : `faults off on ${targetId}`,
    );
  }

  private transportOf(actor: NodeActor): Transport {
    if (isChannel(actor)) return actor.transport;
    const k = actor.node.kind;
    if (k === 'grpcService' || k === 'grpcClient') return 'grpc';
    if (k === 'restService' || k === 'restClient') return 'http';
    if (k === 'graphqlService' || k === 'graphqlClient') return 'graphql';
    const channel = this.graph.channelsInto(actor.node.id)[0];
    return channel?.transport ?? 'inproc';
  }

  private need<T>(transport: T | null): T {
    if (!transport) throw new Error('this run has no client for that channel');
    return transport;
  }
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
