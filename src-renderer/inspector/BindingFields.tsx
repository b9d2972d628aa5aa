import { useId, type ReactElement } from 'react';
import { HEADER_MATCH_MODES, type EdgeConfig } from '@shared/flow/edge-config';
import { MapField } from './MapField';

interface BindingFieldsProps {
  exchangeType: string;
  config: EdgeConfig;
  errors: Record<string, string>;
  onChange(config: EdgeConfig): void;
}

const HINTS: Record<string, string> = {
  direct: 'Messages whose routing key equals this one reach the queue.',
  topic: 'Dot-separated words; * matches one word, # zero or more (e.g. orders.*.eu).',
  headers: 'Messages whose headers match reach the queue: all of them, or any one.',
  fanout: 'A fanout exchange sends every message to every bound queue: this binding needs no key.',
};

/** The binding of an exchange → queue edge, in the terms of the exchange's type. */
export function BindingFields({ exchangeType, config, errors, onChange }: BindingFieldsProps): ReactElement {
  const id = useId();
  const text = (key: 'routingKey' | 'pattern', label: string): ReactElement => (
    <div className="fb-field">
      <label className="fb-field__label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        className="fb-input"
        spellCheck={false}
        aria-invalid={errors[key] ? true : undefined}
        value={config[key] ?? ''}
        onChange={(e) => onChange({ ...config, [key]: e.target.value })}
      />
      <p className="fb-field__hint">{HINTS[exchangeType]}</p>
      {errors[key] && (
        <p role="alert" className="fb-field__error">
          {label} {errors[key]}
        </p>
      )}
    </div>
  );
  if (exchangeType === 'direct') return text('routingKey', 'Routing key');
  if (exchangeType === 'topic') return text('pattern', 'Topic pattern');
  if (exchangeType !== 'headers') return <p className="fb-field__hint">{HINTS.fanout}</p>;
  const match = config.headerMatch ?? { xMatch: 'all' as const, headers: {} };
  return (
    <>
      <div className="fb-field">
        <label className="fb-field__label" htmlFor={`${id}-xmatch`}>
          Match (x-match)
        </label>
        <select
          id={`${id}-xmatch`}
          className="fb-input"
          value={match.xMatch}
          onChange={(e) =>
            onChange({ ...config, headerMatch: { ...match, xMatch: e.target.value as 'all' | 'any' } })
          }
        >
          {HEADER_MATCH_MODES.map((m) => (
            <option key={m} value={m}>
              {m === 'all' ? 'all headers' : 'any header'}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="fb-field fb-field--map">
        <legend className="fb-field__label">Headers</legend>
        <p className="fb-field__hint">{HINTS.headers}</p>
        <MapField
          label="Header"
          value={match.headers}
          onChange={(headers) => onChange({ ...config, headerMatch: { ...match, headers } })}
        />
      </fieldset>
    </>
  );
}
