import type { TraceEventKind, Transport } from '@shared/trace/events';
import type { ReplayItem } from './replay-item';

/** What became of one replayed message. */
export interface ReplayOutcome {
  ok: boolean;
  /** Span kind recorded when it did not go: refused ('error') or returned by RabbitMQ ('unroutable'). */
  failure?: 'error' | 'unroutable';
  error?: string;
  partition?: number;
  offset?: string;
}

/**
 * One destination of a replay. Messages with the same `key` share a route, so a batch is
 * sent to it in one request (Kafka produce, AMQP publishes confirmed together) or in
 * parallel calls (HTTP, gRPC).
 */
export interface ReplayRoute {
  key: string;
  transport: Transport;
  /** Recorded as the span's destination: topic, exchange, queue, `POST /path`, `pkg.Svc/Method`. */
  destination: string;
  /** For people: `kafka orders`, `amqp exchange billing (key eu)`. */
  label: string;
  /** The flow node recorded as the sender (the target node when known). */
  nodeId: string;
  /** The span kind of a message that went. */
  kind: Extract<TraceEventKind, 'produce' | 'call'>;
  /** Sends a batch; one outcome per item, in order. Never rejects. */
  send(items: ReplayItem[], headersOf: (i: number) => Record<string, string>): Promise<ReplayOutcome[]>;
}

export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Every item failed with the same error (a refused batch). */
export function allFailed(n: number, err: unknown): ReplayOutcome[] {
  const error = errorText(err);
  return Array.from({ length: n }, () => ({ ok: false, failure: 'error' as const, error }));
}
