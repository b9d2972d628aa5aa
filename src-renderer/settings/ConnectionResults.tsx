import { useEffect, useRef, type ReactElement } from 'react';
import type { ConnectionCheck } from '@shared/run/custom-environment';

const NAMES: Record<ConnectionCheck['transport'], string> = {
  kafka: 'Kafka',
  amqp: 'RabbitMQ',
  grpc: 'gRPC',
};

/** Where Test connection is: not run yet, connecting, or its answer. */
export type TestOutcome =
  { state: 'idle' } | { state: 'testing' } | { state: 'done'; results: ConnectionCheck[]; error?: string };

/** What Test connection found, per transport: ok with its latency, or the error and a hint. */
export function ConnectionResults({ outcome }: { outcome: TestOutcome }): ReactElement {
  const ref = useRef<HTMLElement>(null);
  // The results sit below a long form: bring them into view when they arrive.
  useEffect(() => {
    if (outcome.state === 'done') ref.current?.scrollIntoView({ block: 'nearest' });
  }, [outcome]);
  return (
    <section ref={ref} className="fb-conn" aria-label="Connection test" aria-live="polite">
      {outcome.state === 'testing' && <p className="fb-field__hint">Connecting…</p>}
      {outcome.state === 'done' && outcome.error && (
        <p className="fb-field__error" role="alert">
          {outcome.error}
        </p>
      )}
      {outcome.state === 'done' && !outcome.error && outcome.results.length === 0 && (
        <p className="fb-field__hint">
          Nothing to connect to: enable Kafka, RabbitMQ, or give a gRPC address.
        </p>
      )}
      {outcome.state === 'done' && outcome.results.length > 0 && (
        <ul className="fb-conn__list">
          {outcome.results.map((r) => (
            <li
              key={r.transport}
              className={`fb-conn__item fb-conn__item--${r.ok ? 'ok' : 'failed'}`}
              data-transport={r.transport}
            >
              <span className="fb-conn__name">{NAMES[r.transport]}</span>{' '}
              <span className="fb-conn__verdict">{r.ok ? `ok, ${r.latencyMs} ms` : 'failed'}</span>{' '}
              <span className="fb-conn__target">{r.target}</span>
              {r.error && <p className="fb-conn__error">{r.error}</p>}
              {r.hint && <p className="fb-field__hint">{r.hint}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
