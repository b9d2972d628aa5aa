import type { ConnectionCheck } from '@shared/run/custom-environment';
import { checkAmqp } from './check-amqp';
import { checkGrpc } from './check-grpc';
import { checkKafka } from './check-kafka';
import { createSecretScrubber } from './redact-secrets';
import type { RunEnvironment } from './run-environment';

/** How long each transport's test may take unless the request says otherwise. */
export const DEFAULT_TEST_TIMEOUT_MS = 5_000;

/**
 * Tests every transport an environment configures, in parallel, each by really
 * connecting (Kafka: admin + describeCluster; AMQP: connect + close; gRPC: TLS handshake
 * or TCP connect to `grpcAddress`, when given). Embedded has nothing to test. Results
 * carry scrubbed messages and a hint; a failure of one does not stop the others.
 */
export async function testEnvironment(
  env: RunEnvironment,
  options: { grpcAddress?: string; timeoutMs?: number } = {},
): Promise<ConnectionCheck[]> {
  if (env.kind === 'embedded') return [];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS;
  const scrub = createSecretScrubber(env.secrets);
  const checks: Array<Promise<ConnectionCheck>> = [];
  if (env.kafka) checks.push(checkKafka(env.kafka, timeoutMs, scrub));
  if (env.amqp) checks.push(checkAmqp(env.amqp, timeoutMs, scrub));
  if (options.grpcAddress) checks.push(checkGrpc(options.grpcAddress, env.grpc?.tls, timeoutMs));
  return Promise.all(checks);
}
