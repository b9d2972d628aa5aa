import { logLevel } from 'kafkajs';
import type { logCreator } from 'kafkajs';
import type { ConnectionHealth } from './kafka-connection-health';

// kafkajs's own wording (network/connection.js) for a socket that failed or timed out.
const CONNECTION_FAILURE = /^Connection (error|timeout)/;

/**
 * A kafkajs log creator that prints nothing and turns broker connection failures into
 * health signals. kafkajs reports a broker going away mid-run only through its logger
 * (requests fail later and are retried), so this is where `connection-lost` comes from;
 * everything else it logs at error level is also reported through a rejected call or an
 * instrumentation event, so dropping it loses nothing and keeps the console quiet.
 */
export function createLogRouter(health: ConnectionHealth): logCreator {
  return () =>
    ({ level, log }) => {
      if (level === logLevel.ERROR && CONNECTION_FAILURE.test(log.message)) {
        // "read ECONNRESET" names no broker; "connect ECONNREFUSED host:port" already does.
        const broker = typeof log.broker === 'string' && !log.message.includes(log.broker) ? log.broker : '';
        health.markLost(broker ? `${log.message} (${broker})` : log.message);
      }
    };
}
