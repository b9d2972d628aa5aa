import type { CompiledFlow } from '../compiler/compiled-flow';
import type { ExchangePublisher, TopicProducer, TopicProducerOptions } from '../transports/transport';
import type { FlowGraph } from './graph/flow-graph';
import { isChannel, type NodeActor } from './graph/node-actor';
import { ConsumerNode } from './nodes/consumer-node';
import { ApiGatewayNode } from './gateway/api-gateway-node';
import { EventStoreNode } from './nodes/event-store-node';
import { ExchangeChannel } from './nodes/exchange-channel';
import { GraphqlClientNode } from './nodes/graphql-client-node';
import { GraphqlServiceNode } from './nodes/graphql-service-node';
import { GrpcClientNode } from './nodes/grpc-client-node';
import { GrpcServiceNode } from './nodes/grpc-service-node';
import { FilterNode } from './nodes/filter-node';
import { ProducerNode } from './nodes/producer-node';
import { ProjectionNode } from './nodes/projection-node';
import { QueueChannel } from './nodes/queue-channel';
import { TopicChannel } from './nodes/topic-channel';
import { ReadingNode } from './nodes/reading-node';
import { RestClientNode } from './nodes/rest-client-node';
import { RestServiceNode } from './nodes/rest-service-node';
import { RouterNode } from './nodes/router-node';
import { SagaOrchestratorNode } from './nodes/saga-orchestrator-node';
import { type SharedClient } from './nodes/shared-client';
import { SinkNode } from './nodes/sink-node';
import { TimerNode } from './nodes/timer-node';
import type { RunTransports } from './run-transports';

/** The clients every channel of a run sends through (one Kafka producer, one AMQP publisher). */
export interface RunClients {
  /** One Kafka producer per distinct set of producer options (acks, compression…). */
  topicProducerFor(options: TopicProducerOptions): SharedClient<TopicProducer>;
  exchangePublisher: SharedClient<ExchangePublisher>;
}

/**
 * Creates one actor per runnable node of a compiled flow and registers it in the graph,
 * then works out how many deliveries each channel's messages get (for drain on Stop).
 */
export function buildActors(
  compiled: CompiledFlow,
  graph: FlowGraph,
  transports: RunTransports,
  clients: RunClients,
  transportNames: { topics: 'kafka' | 'embedded'; queues: 'amqp' | 'embedded' },
  /** Ports to serve on instead of the flow's own, by node id (0 takes a free one). */
  ports?: Record<string, number>,
): void {
  const add = (actor: NodeActor): void => void graph.actors.set(actor.node.id, actor);
  for (const n of compiled.topics) {
    if (transports.topics)
      add(new TopicChannel(n, transportNames.topics, transports.topics, clients.topicProducerFor));
  }
  const rabbit = transports.queues;
  if (rabbit) {
    const topology = compiled.rabbit;
    for (const n of compiled.queues) {
      const spec = topology.queues.find((q) => q.queue === n.config.queue) ?? {
        queue: n.config.queue,
        durable: n.config.durable,
      };
      add(new QueueChannel(n, transportNames.queues, rabbit, clients.exchangePublisher, spec));
    }
    for (const n of compiled.flow.nodes) {
      if (n.kind === 'rabbitExchange')
        add(new ExchangeChannel(n, transportNames.queues, rabbit, clients.exchangePublisher));
    }
  }
  for (const p of compiled.producers) add(new ProducerNode(p, graph));
  for (const c of compiled.consumers) add(new ConsumerNode(c.node, graph));
  for (const s of compiled.grpcServices) add(new GrpcServiceNode(s, graph));
  for (const c of compiled.grpcClients) add(new GrpcClientNode(c, graph));
  for (const t of compiled.timers) add(new TimerNode(t.node, t.payload, graph));
  for (const r of compiled.restServices) add(new RestServiceNode(r, graph, ports?.[r.node.id]));
  for (const r of compiled.restClients) add(new RestClientNode(r, graph));
  for (const g of compiled.graphqlServices) add(new GraphqlServiceNode(g, graph, ports?.[g.node.id]));
  for (const g of compiled.graphqlClients) add(new GraphqlClientNode(g, graph));
  for (const g of compiled.apiGateways) add(new ApiGatewayNode(g, graph, ports?.[g.node.id]));
  // After the services: actors close in reverse order, so sagas finish their calls first.
  for (const s of compiled.sagas) add(new SagaOrchestratorNode(s, graph));
  for (const node of compiled.flow.nodes) {
    if (node.kind === 'eventStore')
      add(
        new EventStoreNode(
          node,
          graph,
          transports.topics,
          clients.topicProducerFor({ acks: 'all', idempotent: true }),
        ),
      );
    else if (node.kind === 'projection') add(new ProjectionNode(node, graph));
  }
  for (const node of compiled.flow.nodes) {
    if (node.kind === 'sink') add(new SinkNode(node, graph));
    else if (node.kind === 'router') add(new RouterNode(node, graph));
    else if (node.kind === 'filter') add(new FilterNode(node, graph));
  }
  for (const actor of graph.actors.values()) {
    if (!isChannel(actor)) continue;
    actor.contract = compiled.contracts.get(actor.node.id);
    const readers = graph
      .outgoing(actor.node.id)
      .map((e) => graph.actors.get(e.target))
      .filter((a): a is ReadingNode => a instanceof ReadingNode);
    actor.fanOut =
      actor.node.kind === 'kafkaTopic'
        ? new Set(readers.map((r) => r.readingOptions().groupId)).size
        : readers.length > 0
          ? 1
          : 0;
  }
}
