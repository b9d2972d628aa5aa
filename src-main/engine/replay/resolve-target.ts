import type { ReplayTarget } from '@shared/api/replay-requests';
import type { FlowDocument } from '@shared/flow/document';
import type { Run } from '../runtime/run';
import type { GrpcServiceClient } from '../transports/grpc/grpc-client';
import { amqpRoute, kafkaRoute } from './broker-routes';
import type { ReplayConnections } from './replay-connections';
import type { ReplayItem } from './replay-item';
import type { ReplayRoute } from './replay-route';
import { grpcRoute, httpRoute } from './service-routes';

/** What a target needs to be resolved: clients, the running run, the flow each source run ran. */
export interface TargetContext {
  connections: ReplayConnections;
  /** The run going now (it hosts the REST and gRPC services), or null. */
  run: Run | null;
  /** The flow document a recorded run ran, or null when unknown. */
  flowOf(runId: string): FlowDocument | null;
  grpcClients: Set<GrpcServiceClient>;
}

/** Sender recorded for a message sent to no particular node of the flow. */
const REPLAY_NODE = 'replay';

/**
 * Maps each message to its route for `target`; routes are made once per destination and
 * connect lazily, so a dry run resolves every route and connects nothing. Throws with a
 * sentence naming the message or node when a message cannot go there.
 */
export function routeResolver(target: ReplayTarget, ctx: TargetContext): (item: ReplayItem) => ReplayRoute {
  const routes = new Map<string, ReplayRoute>();
  const cached = (key: string, make: () => ReplayRoute): ReplayRoute => {
    let r = routes.get(key);
    if (!r) {
      r = make();
      routes.set(key, r);
    }
    return r;
  };
  const node = (id: string | undefined): string => id ?? REPLAY_NODE;
  switch (target.kind) {
    case 'kafka': {
      const r = kafkaRoute(ctx.connections, target.topic, node(target.nodeId));
      return () => r;
    }
    case 'exchange': {
      const r = amqpRoute(ctx.connections, target, node(target.nodeId));
      return () => r;
    }
    case 'queue': {
      const r = amqpRoute(ctx.connections, { queue: target.queue }, node(target.nodeId));
      return () => r;
    }
    case 'http': {
      const baseUrl = target.baseUrl ?? restServiceUrl(ctx.run, target.nodeId);
      const r = httpRoute({ method: target.method, path: target.path, baseUrl }, node(target.nodeId));
      return () => r;
    }
    case 'grpc': {
      const r = grpcTarget(ctx, target.nodeId, target.method);
      return () => r;
    }
    case 'original':
      return (item) => {
        const m = item.original;
        return cached(`${m.runId}\u0000${m.transport}\u0000${m.destination}\u0000${m.nodeId}`, () =>
          originalRoute(item, ctx),
        );
      };
  }
}

/** Where a recorded message went, as a route: its topic, exchange or queue, route or method. */
function originalRoute(item: ReplayItem, ctx: TargetContext): ReplayRoute {
  const m = item.original;
  switch (m.transport) {
    case 'kafka':
      return kafkaRoute(ctx.connections, m.destination, m.nodeId);
    case 'amqp': {
      // The store keeps the exchange or queue name; the run's flow says which it was.
      const flow = ctx.flowOf(m.runId);
      const isExchange = flow?.nodes.some(
        (n) => n.kind === 'rabbitExchange' && (n.config as { exchange?: string }).exchange === m.destination,
      );
      return isExchange
        ? amqpRoute(ctx.connections, { exchange: m.destination }, m.nodeId)
        : amqpRoute(ctx.connections, { queue: m.destination }, m.nodeId);
    }
    case 'http': {
      const match = /^([A-Z]+) (\/\S*)$/.exec(m.destination);
      if (!match || match[2].includes(':'))
        throw new Error(
          `message ${m.id} went to "${m.destination}": pick an HTTP route with its parameters filled in as the target`,
        );
      return httpRoute(
        { method: match[1], path: match[2], baseUrl: restServiceUrl(ctx.run, m.nodeId) },
        m.nodeId,
      );
    }
    case 'grpc': {
      const [serviceName, method] = m.destination.replace(/^\//, '').split('/');
      const hosted = ctx.run?.compiled.grpcServices.find((s) => s.service.fullName === serviceName);
      if (!hosted || !method)
        throw new Error(
          `message ${m.id} went to gRPC "${m.destination}": no running service serves it; start the run that hosts it`,
        );
      return grpcTarget(ctx, hosted.node.id, method);
    }
    default:
      throw new Error(
        `message ${m.id} went over ${m.transport} to "${m.destination}", which cannot be replayed to itself; pick a Kafka, RabbitMQ, HTTP or gRPC target`,
      );
  }
}

function restServiceUrl(run: Run | null, nodeId: string | undefined): string {
  if (!nodeId) throw new Error('an HTTP target needs the REST service node that serves it, or a base URL');
  const actor = run?.graph.actors.get(nodeId) as { url?: string | null } | undefined;
  const url = actor?.url;
  if (!url)
    throw new Error(
      `REST service "${nodeId}" is served only while its run goes: start the run, or give a base URL`,
    );
  return url;
}

function grpcTarget(ctx: TargetContext, nodeId: string, method: string): ReplayRoute {
  const hosted = ctx.run?.compiled.grpcServices.find((s) => s.node.id === nodeId);
  const address = (ctx.run?.graph.actors.get(nodeId) as { address?: string | null } | undefined)?.address;
  if (!hosted || !address)
    throw new Error(`gRPC service "${nodeId}" is served only while its run goes: start the run first`);
  return grpcRoute(hosted.service, address, method, nodeId, ctx.grpcClients);
}
