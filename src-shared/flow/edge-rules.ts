import type { NodeKind } from './node-kinds';

/** Which target kinds each source kind may connect to. Everything else is refused. */
const ALLOWED: Record<NodeKind, readonly NodeKind[]> = {
  producer: ['kafkaTopic', 'rabbitQueue'],
  kafkaTopic: ['consumer'],
  rabbitQueue: ['consumer'],
  grpcClient: ['grpcService'],
  consumer: [],
  grpcService: [],
};

const LABEL: Record<NodeKind, string> = {
  producer: 'a producer',
  consumer: 'a consumer',
  kafkaTopic: 'a Kafka topic',
  rabbitQueue: 'a RabbitMQ queue',
  grpcService: 'a gRPC service',
  grpcClient: 'a gRPC client',
};

/** Returns null when the connection is allowed, else the reason in a sentence. */
export function edgeRefusal(source: NodeKind, target: NodeKind): string | null {
  if (ALLOWED[source].includes(target)) return null;
  const allowed = ALLOWED[source];
  if (allowed.length === 0) {
    return `${capital(LABEL[source])} has no outputs: it can only be a target`;
  }
  return `${capital(LABEL[source])} can connect to ${allowed.map((k) => LABEL[k]).join(' or ')}, not to ${LABEL[target]}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
