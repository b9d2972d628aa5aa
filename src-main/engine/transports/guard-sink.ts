import type { TransportEventSink } from './transport';

/**
 * Wraps an adapter's event sink so an exception in it cannot escape. Both client libraries
 * call our sink from inside their own socket handling (kafkajs's logger, amqplib's 'close'
 * handlers), where a throw would change how they recover or take the process down; and the
 * sink is our only way to report, so a failing sink is contained, not reported.
 */
export function guardSink(sink: TransportEventSink): TransportEventSink {
  return (event) => {
    try {
      sink(event);
    } catch {
      // Nowhere left to report this; see above.
    }
  };
}
