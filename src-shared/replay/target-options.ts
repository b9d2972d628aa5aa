import type { ReplayTarget } from '../api/replay-requests';

/** A flow node as the target picker reads it (kind and config only). */
export interface TargetNode {
  id: string;
  kind: string;
  config: Record<string, unknown>;
}

/** One choice of the target picker. `needsRun`: the service exists only while its run goes. */
export interface TargetOption {
  id: string;
  label: string;
  target: ReplayTarget;
  needsRun: boolean;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Every place of the flow a message can be replayed to: the original destination, each
 * Kafka topic, RabbitMQ exchange (routing key: the message's key until one is typed) and
 * queue, each route of a REST service and each configured method of a gRPC service.
 */
export function targetOptions(nodes: TargetNode[]): TargetOption[] {
  const out: TargetOption[] = [
    { id: 'original', label: 'Original destination', target: { kind: 'original' }, needsRun: false },
  ];
  for (const n of nodes) {
    const c = n.config;
    const name = str(c.name) || n.id;
    if (n.kind === 'kafkaTopic' && str(c.topic))
      out.push({
        id: n.id,
        label: `Kafka topic ${str(c.topic)}`,
        target: { kind: 'kafka', topic: str(c.topic), nodeId: n.id },
        needsRun: false,
      });
    if (n.kind === 'rabbitExchange' && str(c.exchange))
      out.push({
        id: n.id,
        label: `RabbitMQ exchange ${str(c.exchange)}`,
        target: { kind: 'exchange', exchange: str(c.exchange), nodeId: n.id },
        needsRun: false,
      });
    if (n.kind === 'rabbitQueue' && str(c.queue))
      out.push({
        id: n.id,
        label: `RabbitMQ queue ${str(c.queue)}`,
        target: { kind: 'queue', queue: str(c.queue), nodeId: n.id },
        needsRun: false,
      });
    if (n.kind === 'restService' && Array.isArray(c.routes))
      (c.routes as Array<Record<string, unknown>>).forEach((r, i) => {
        const method = str(r.method) || 'GET';
        const path = str(r.path) || '/';
        if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) return;
        out.push({
          id: `${n.id}#${i}`,
          label: `${name}: ${method} ${path}`,
          target: { kind: 'http', method: method as 'POST', path, nodeId: n.id },
          needsRun: true,
        });
      });
    if (n.kind === 'grpcService' && Array.isArray(c.methods))
      for (const m of c.methods as Array<Record<string, unknown>>) {
        const method = str(m.method);
        if (!method) continue;
        out.push({
          id: `${n.id}#${method}`,
          label: `${name}: gRPC ${method}`,
          target: { kind: 'grpc', nodeId: n.id, method },
          needsRun: true,
        });
      }
  }
  return out;
}
