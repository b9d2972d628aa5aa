import type { TransportEventSink } from '../transport';

/** Turns scattered kafkajs signals into one "lost" / "reconnected" pair per outage. */
export interface ConnectionHealth {
  /** Something talked to the broker successfully. */
  markUp(): void;
  /** A broker connection failed; `error` is kafkajs's own message. */
  markLost(error: string): void;
}

/**
 * Creates the health tracker for one transport. `connection-lost` is only reported after
 * the transport has been connected once: a first connect that fails is reported by the
 * call that tried it, and kafkajs logs every retry, so without this state each outage
 * would produce a burst of events.
 */
export function createConnectionHealth(onEvent: TransportEventSink): ConnectionHealth {
  let state: 'never-connected' | 'up' | 'lost' = 'never-connected';
  return {
    markUp(): void {
      if (state === 'lost') onEvent({ type: 'reconnected' });
      state = 'up';
    },
    markLost(error: string): void {
      if (state !== 'up') return;
      state = 'lost';
      onEvent({ type: 'connection-lost', error });
    },
  };
}
