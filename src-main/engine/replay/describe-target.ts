import type { ReplayTarget } from '@shared/api/replay-requests';

/** A target in words, for the replay record and the dialog. */
export function describeTarget(t: ReplayTarget): string {
  switch (t.kind) {
    case 'original':
      return 'original destinations';
    case 'kafka':
      return `kafka topic ${t.topic}`;
    case 'exchange':
      return `amqp exchange ${t.exchange}${t.routingKey === undefined ? '' : ` (key "${t.routingKey}")`}`;
    case 'queue':
      return `amqp queue ${t.queue}`;
    case 'http':
      return `http ${t.method} ${t.path}${t.baseUrl ? ` at ${t.baseUrl}` : ''}`;
    case 'grpc':
      return `grpc ${t.method} of ${t.nodeId}`;
  }
}
