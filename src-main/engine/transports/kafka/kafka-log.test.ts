import { logLevel } from 'kafkajs';
import type { LogEntry } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import type { TransportEvent } from '../transport';
import { createConnectionHealth } from './kafka-connection-health';
import { createLogRouter } from './kafka-log';

function entry(message: string, broker = '127.0.0.1:9092'): LogEntry {
  return {
    namespace: 'Connection',
    level: logLevel.ERROR,
    label: 'ERROR',
    log: { timestamp: '', message, broker },
  };
}

describe('kafka log routing', () => {
  it('reports one connection-lost per outage, only after a first successful connect', () => {
    const events: TransportEvent[] = [];
    const health = createConnectionHealth((event) => events.push(event));
    const log = createLogRouter(health)(logLevel.ERROR);
    log(entry('Connection error: connect ECONNREFUSED 127.0.0.1:9092'));
    expect(events).toEqual([]);

    health.markUp();
    log(entry('Connection error: read ECONNRESET'));
    log(entry('Connection error: connect ECONNREFUSED 127.0.0.1:9092'));
    log({ ...entry('Crash: KafkaJSNumberOfRetriesExceeded'), namespace: 'Consumer' });
    health.markUp();
    health.markUp();
    log(entry('Connection timeout'));
    expect(events).toEqual([
      { type: 'connection-lost', error: 'Connection error: read ECONNRESET (127.0.0.1:9092)' },
      { type: 'reconnected' },
      { type: 'connection-lost', error: 'Connection timeout (127.0.0.1:9092)' },
    ]);
  });
});
