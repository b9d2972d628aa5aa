import { performance } from 'node:perf_hooks';
import { connect } from 'amqplib';
import type { ConnectionCheck } from '@shared/run/custom-environment';
import { redactUrl } from '@shared/run/environment';
import { amqpSocketOptions } from '../transports/amqp/amqp-socket-options';
import { connectionHint } from './connection-hints';
import type { AmqpClientSettings } from './run-environment';
import { elapsedSince as elapsed, withDeadline } from './with-deadline';

/** Opens and closes one amqplib connection (TCP, TLS, AMQP handshake and login), bounded by `timeoutMs`. */
export async function checkAmqp(
  settings: AmqpClientSettings,
  timeoutMs: number,
  scrub: (text: string) => string,
): Promise<ConnectionCheck> {
  const target = redactUrl(settings.url);
  const started = performance.now();
  const attempt = connect(settings.url, { ...amqpSocketOptions(settings), timeout: timeoutMs });
  try {
    const model = await withDeadline(
      attempt,
      timeoutMs + 500,
      `no answer from ${target} within ${timeoutMs} ms`,
    );
    const latencyMs = elapsed(started);
    await model.close().catch(() => undefined);
    return { transport: 'amqp', ok: true, latencyMs, target };
  } catch (err) {
    // A connection that opened after the deadline must still be closed.
    void attempt.then((model) => model.close()).catch(() => undefined);
    const error = scrub(err instanceof Error ? err.message : String(err));
    return {
      transport: 'amqp',
      ok: false,
      latencyMs: elapsed(started),
      target,
      error,
      hint: connectionHint('amqp', error, settings.url.startsWith('amqps://')),
    };
  }
}
