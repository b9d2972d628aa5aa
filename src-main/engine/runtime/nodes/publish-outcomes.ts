import type { PublishOutcome, SendReceipt } from '../../transports/transport';

/** RabbitMQ's per-message outcomes as the receipts the graph records. */
export function receiptsOf(outcomes: PublishOutcome[]): SendReceipt[] {
  return outcomes.map((o) =>
    o.status === 'confirmed'
      ? {}
      : o.status === 'unroutable'
        ? { unroutable: true, error: o.error }
        : { error: o.error },
  );
}
