import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { redactUrl } from '@shared/run/environment';
import { chooseEnvironment, parseLocalFields } from './environment-actions';

interface Props {
  brokers: string;
  amqpUrl: string;
  disabled: boolean;
}

/**
 * The local broker addresses: a compact summary in the toolbar that opens a small panel
 * with the two fields. Saved on Apply or Enter, only when both are valid.
 */
export function BrokerSettings(props: Props): ReactElement {
  const [open, setOpen] = useState(false);
  const [brokers, setBrokers] = useState(props.brokers);
  const [amqpUrl, setAmqpUrl] = useState(props.amqpUrl);
  const [errors, setErrors] = useState<{ brokers?: string; amqp?: string }>({});
  const rootRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const brokersId = useId();
  const amqpId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent): void => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const apply = (): void => {
    const res = parseLocalFields(brokers, amqpUrl);
    if (!res.ok) {
      setErrors(res.errors);
      return;
    }
    setErrors({});
    setOpen(false);
    if (brokers !== props.brokers || amqpUrl !== props.amqpUrl) void chooseEnvironment(res.environment);
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter') apply();
    if (e.key === 'Escape') setOpen(false);
  };

  return (
    <div className="fb-brokers" ref={rootRef}>
      <button
        type="button"
        className="fb-btn fb-brokers__summary"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Broker addresses: Kafka ${props.brokers}, AMQP ${redactUrl(props.amqpUrl)}`}
        disabled={props.disabled}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="fb-brokers__text">{props.brokers}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div id={panelId} className="fb-brokers__panel" role="group" aria-label="Local brokers">
          <label htmlFor={brokersId} className="fb-field__label">
            Kafka brokers
          </label>
          <input
            id={brokersId}
            className="fb-input fb-input--mono"
            value={brokers}
            autoFocus
            spellCheck={false}
            aria-invalid={errors.brokers ? true : undefined}
            onChange={(e) => setBrokers(e.target.value)}
            onKeyDown={onKey}
          />
          <p className="fb-field__hint">host:port, separated by commas.</p>
          <label htmlFor={amqpId} className="fb-field__label">
            AMQP URL
          </label>
          <input
            id={amqpId}
            className="fb-input fb-input--mono"
            value={amqpUrl}
            spellCheck={false}
            aria-invalid={errors.amqp ? true : undefined}
            onChange={(e) => setAmqpUrl(e.target.value)}
            onKeyDown={onKey}
          />
          {(errors.brokers || errors.amqp) && (
            <p role="alert" className="fb-field__error">
              {[errors.brokers, errors.amqp].filter(Boolean).join(' ')}
            </p>
          )}
          <div className="fb-brokers__actions">
            <button type="button" className="fb-btn fb-btn--small" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="button" className="fb-btn fb-btn--small fb-btn--primary" onClick={apply}>
              Apply
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
