import { performance } from 'node:perf_hooks';
import { Kafka, logLevel } from 'kafkajs';
import type { ConnectionCheck } from '@shared/run/custom-environment';
import { connectionHint } from './connection-hints';
import type { KafkaClientSettings } from './run-environment';
import { elapsedSince as elapsed, withDeadline } from './with-deadline';

/**
 * Connects an admin client with the environment's TLS and SASL settings and asks the
 * cluster to describe itself; no retries, bounded by `timeoutMs`. `scrub` removes secrets
 * from the broker's or kafkajs's message.
 */
export async function checkKafka(
  settings: KafkaClientSettings,
  timeoutMs: number,
  scrub: (text: string) => string,
): Promise<ConnectionCheck> {
  const kafka = new Kafka({
    clientId: 'flowbench-connection-test',
    brokers: settings.brokers,
    ...(settings.ssl !== undefined ? { ssl: settings.ssl } : {}),
    ...(settings.sasl ? { sasl: settings.sasl } : {}),
    connectionTimeout: Math.min(timeoutMs, 3_000),
    authenticationTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  const target = settings.brokers.join(',');
  const started = performance.now();
  try {
    const cluster = await withDeadline(
      admin.connect().then(() => admin.describeCluster()),
      timeoutMs,
      `no answer from ${target} within ${timeoutMs} ms`,
    );
    if (cluster.brokers.length === 0) throw new Error('the cluster reported no brokers');
    return { transport: 'kafka', ok: true, latencyMs: elapsed(started), target };
  } catch (err) {
    const error = scrub(err instanceof Error ? err.message : String(err));
    return {
      transport: 'kafka',
      ok: false,
      latencyMs: elapsed(started),
      target,
      error,
      hint: connectionHint('kafka', error, Boolean(settings.ssl)),
    };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
