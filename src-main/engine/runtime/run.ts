import type { FlowNode } from '@shared/flow/document';
import type { Environment } from '@shared/run/environment';
import type { CompiledConsumer, CompiledFlow, MessagingEndpoint } from '../compiler/compiled-flow';
import type { Closable, QueuePublisher, TopicProducer, TransportEvent } from '../transports/transport';
import { handleDelivery } from './actors/consumer-actor';
import { hostGrpcService } from './actors/grpc-service-actor';
import { runGrpcClient } from './actors/grpc-client-actor';
import { runProducer, type ProducerTarget } from './actors/producer-actor';
import { NodeStats } from './node-stats';
import { RunContext, type TraceSink } from './run-context';
import { createRunTransports, type RunTransports } from './run-transports';

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * One run of a compiled flow. It owns every client, server, consumer and timer it creates
 * and closes all of them on stop. A broker that fails only turns its own nodes red: the
 * other paths keep running.
 */
export class Run {
  readonly ctx: RunContext;
  private readonly closables: Closable[] = [];
  private readonly activity: Array<Promise<void>> = [];
  private transports: RunTransports = { topics: null, queues: null };
  private readonly failedEndpoints = new Set<string>();
  private readonly isLocal: boolean;

  constructor(
    readonly runId: string,
    readonly compiled: CompiledFlow,
    readonly environment: Environment,
    sink: TraceSink,
  ) {
    this.ctx = new RunContext(runId, sink, new NodeStats(compiled.flow.nodes.map((n) => n.id)));
    this.isLocal = environment.kind === 'local';
  }

  get stats(): NodeStats {
    return this.ctx.stats;
  }

  /** Connects everything and starts producers and clients. Broker failures mark nodes, never throw. */
  async start(): Promise<void> {
    const c = this.compiled;
    for (const n of c.flow.nodes) this.stats.setStatus(n.id, 'connecting');
    this.transports = createRunTransports(
      this.environment,
      { topics: c.topics.length > 0, queues: c.queues.length > 0 },
      this.runId,
      {
        topics: (e) => this.onTransportEvent('kafka', e),
        queues: (e) => this.onTransportEvent('amqp', e),
      },
    );
    const hosted = new Map<string, number>();
    await Promise.all([
      this.setupEndpoints(c.topics, async (n) =>
        this.transports.topics?.ensureTopic({ topic: n.config.topic, partitions: n.config.partitions }),
      ),
      this.setupEndpoints(c.queues, async (n) =>
        this.transports.queues?.ensureQueue({ queue: n.config.queue, durable: n.config.durable }),
      ),
      ...c.grpcServices.map(async (svc) => {
        try {
          const h = await hostGrpcService(this.ctx, svc);
          hosted.set(svc.node.id, h.port);
          this.closables.push(h);
        } catch (err) {
          this.ctx.fail([svc.node.id], 'grpc', errorText(err));
        }
      }),
    ]);
    if (this.ctx.isStopping) return;
    await Promise.all(c.consumers.map((consumer) => this.startConsumer(consumer)));
    await this.startProducers();
    for (const client of c.grpcClients) {
      const port = hosted.get(client.target.service.node.id);
      if (port === undefined) {
        this.ctx.fail(
          [client.node.id],
          'grpc',
          `service "${client.target.service.node.config.name}" is not running`,
        );
        continue;
      }
      this.activity.push(
        runGrpcClient(this.ctx, client, `127.0.0.1:${port}`).catch((err) =>
          this.ctx.fail([client.node.id], 'grpc', errorText(err)),
        ),
      );
    }
  }

  private async setupEndpoints<N extends FlowNode<'kafkaTopic'> | FlowNode<'rabbitQueue'>>(
    nodes: N[],
    ensure: (n: N) => Promise<void>,
  ): Promise<void> {
    for (const node of nodes) {
      try {
        await ensure(node);
        this.stats.setStatus(node.id, 'running');
      } catch (err) {
        const transport = node.kind === 'kafkaTopic' ? this.topicTransportName() : this.queueTransportName();
        this.failedEndpoints.add(node.id);
        this.ctx.fail([node.id, ...this.neighbours(node.id)], transport, errorText(err));
      }
    }
  }

  private async startConsumer(consumer: CompiledConsumer): Promise<void> {
    const node = consumer.node;
    const live = consumer.sources.filter((s) => !this.failedEndpoints.has(s.node.id));
    if (live.length === 0) return;
    try {
      // Members start together so a Kafka group settles in one rebalance, not one per member.
      const members = live.flatMap((source) =>
        Array.from({ length: node.config.members }, () => this.subscribe(consumer, source)),
      );
      const started = await Promise.allSettled(members);
      for (const s of started) if (s.status === 'fulfilled') this.closables.push(s.value);
      const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failed) throw failed.reason;
      this.stats.setStatus(node.id, 'running');
    } catch (err) {
      this.ctx.fail([node.id], this.transportOf(live[0]), errorText(err));
    }
  }

  private subscribe(consumer: CompiledConsumer, source: MessagingEndpoint): Promise<Closable> {
    const transport = this.transportOf(source);
    if (source.kind === 'topic') {
      const topics = this.transports.topics;
      if (!topics) throw new Error('no topic transport');
      return topics.subscribe({
        topic: source.node.config.topic,
        groupId: consumer.node.config.group || consumer.node.config.name,
        fromBeginning: consumer.node.config.fromBeginning,
        onMessage: (message) =>
          handleDelivery(this.ctx, consumer, source, transport, message, { ack: () => {}, nack: () => {} }),
      });
    }
    const queues = this.transports.queues;
    if (!queues) throw new Error('no queue transport');
    return queues.consume({
      queue: source.node.config.queue,
      prefetch: source.node.config.prefetch,
      onMessage: (delivery) =>
        handleDelivery(this.ctx, consumer, source, transport, delivery.message, delivery),
    });
  }

  private async startProducers(): Promise<void> {
    const c = this.compiled;
    const needsTopics = c.producers.some((p) =>
      p.targets.some((t) => t.kind === 'topic' && !this.failedEndpoints.has(t.node.id)),
    );
    const needsQueues = c.producers.some((p) =>
      p.targets.some((t) => t.kind === 'queue' && !this.failedEndpoints.has(t.node.id)),
    );
    const [topicProducer, publisher] = await Promise.all([
      needsTopics && this.transports.topics
        ? this.transports.topics.createProducer().catch((err) => errorText(err))
        : null,
      needsQueues && this.transports.queues
        ? this.transports.queues.createPublisher().catch((err) => errorText(err))
        : null,
    ]);
    for (const closable of [topicProducer, publisher])
      if (closable && typeof closable !== 'string') this.closables.push(closable);
    for (const producer of c.producers) {
      const targets: ProducerTarget[] = [];
      for (const endpoint of producer.targets) {
        if (this.failedEndpoints.has(endpoint.node.id)) continue;
        const transport = this.transportOf(endpoint);
        const client = endpoint.kind === 'topic' ? topicProducer : publisher;
        if (typeof client === 'string' || client === null) {
          this.ctx.fail([producer.node.id], transport, client ?? 'no client');
          continue;
        }
        const send: ProducerTarget['send'] =
          endpoint.kind === 'topic'
            ? (msgs) => (client as TopicProducer).send(endpoint.node.config.topic, msgs)
            : async (msgs) => {
                await (client as QueuePublisher).publish(endpoint.node.config.queue, msgs);
                return [];
              };
        targets.push({ endpoint, transport, send });
      }
      this.activity.push(
        runProducer(this.ctx, producer, targets).catch((err) =>
          this.ctx.fail([producer.node.id], 'embedded', errorText(err)),
        ),
      );
    }
  }

  /**
   * Stops producing, lets in-flight messages reach their consumers (bounded by drainMs),
   * then closes every consumer, client, server and connection this run opened.
   */
  async stop(drainMs = 5000): Promise<void> {
    this.ctx.beginStop();
    await withTimeout(Promise.allSettled(this.activity), drainMs);
    await this.waitForDrain(drainMs);
    for (const closable of this.closables.reverse())
      await withTimeout(
        closable.close().catch(() => undefined),
        5000,
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

  private async waitForDrain(ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    const pending = (): boolean =>
      this.compiled.consumers.some((consumer) =>
        consumer.sources.some((s) => {
          if (this.failedEndpoints.has(s.node.id)) return false;
          const st = this.stats.get(s.node.id);
          const readers = this.readersOf(s);
          return st !== undefined && st.sent < st.received * readers;
        }),
      );
    while (pending() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  /** How many deliveries each message to an endpoint gets: one per consumer group on a topic, one on a queue. */
  private readersOf(endpoint: MessagingEndpoint): number {
    const readers = this.compiled.consumers.filter((c) =>
      c.sources.some((s) => s.node.id === endpoint.node.id),
    );
    if (endpoint.kind === 'queue') return readers.length > 0 ? 1 : 0;
    return new Set(readers.map((c) => c.node.config.group || c.node.config.name)).size;
  }

  private onTransportEvent(transport: 'kafka' | 'amqp', event: TransportEvent): void {
    const ids = this.compiled.flow.nodes
      .filter((n) => (transport === 'kafka' ? n.kind === 'kafkaTopic' : n.kind === 'rabbitQueue'))
      .flatMap((n) => [n.id, ...this.neighbours(n.id)]);
    if (event.type === 'connection-lost') this.ctx.fail(ids, transport, event.error);
    else if (event.type === 'reconnected') for (const id of ids) this.stats.recover(id);
    else if (event.type === 'consumer-crashed') {
      const consumers = this.compiled.consumers
        .filter((c) => (c.node.config.group || c.node.config.name) === event.groupId)
        .map((c) => c.node.id);
      this.ctx.fail(consumers, transport, `stopped: ${event.error}`);
    }
  }

  private neighbours(id: string): string[] {
    const edges = this.compiled.flow.edges;
    return [
      ...edges.filter((e) => e.target === id).map((e) => e.source),
      ...edges.filter((e) => e.source === id).map((e) => e.target),
    ];
  }

  private transportOf(endpoint: MessagingEndpoint): 'kafka' | 'amqp' | 'embedded' {
    return endpoint.kind === 'topic' ? this.topicTransportName() : this.queueTransportName();
  }

  private topicTransportName(): 'kafka' | 'embedded' {
    return this.isLocal ? 'kafka' : 'embedded';
  }

  private queueTransportName(): 'amqp' | 'embedded' {
    return this.isLocal ? 'amqp' : 'embedded';
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
