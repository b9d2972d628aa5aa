import { useId, useState, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CustomEnvironment } from '@shared/run/custom-environment';
import { isRunActive, useRunStore } from '../run/run-store';
import { BrokerSettings } from './BrokerSettings';
import { chooseEnvironment, selectEnvironment } from './environment-actions';
import { EnvironmentEditor } from './EnvironmentEditor';
import { useSettingsStore } from './settings-store';
import './settings.css';

const NEW_ENVIRONMENT = '__new__';

/**
 * Where the next run goes: Embedded (in-process), the local Kafka and RabbitMQ brokers, or
 * a user-defined environment; "New environment…" and the edit button open the editor.
 */
export function EnvironmentPicker(): ReactElement {
  const { environment, local, customs } = useSettingsStore(
    useShallow((s) => ({ environment: s.environment, local: s.local, customs: s.customs })),
  );
  const locked = useRunStore((s) => isRunActive(s.state));
  const [editing, setEditing] = useState<{ env?: CustomEnvironment } | null>(null);
  const selectId = useId();
  const value = environment.kind === 'custom' ? environment.id : environment.kind;
  const onChange = (next: string): void => {
    if (next === NEW_ENVIRONMENT) setEditing({});
    else if (next === 'embedded') void chooseEnvironment({ kind: 'embedded' });
    else if (next === 'local') void chooseEnvironment(local);
    else void selectEnvironment(next);
  };
  return (
    <div className="fb-env">
      <label htmlFor={selectId} className="fb-env__label">
        Environment
      </label>
      <select
        id={selectId}
        className="fb-input fb-env__select"
        value={value}
        disabled={locked}
        title={locked ? 'Stop the run to change the environment' : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="embedded">Embedded</option>
        <option value="local">Local brokers</option>
        {customs.length > 0 && (
          <optgroup label="Custom">
            {customs.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </optgroup>
        )}
        <option value={NEW_ENVIRONMENT}>New environment…</option>
      </select>
      {environment.kind === 'local' && (
        <BrokerSettings
          key={`${environment.kafkaBrokers.join(',')}|${environment.amqpUrl}`}
          brokers={environment.kafkaBrokers.join(', ')}
          amqpUrl={environment.amqpUrl}
          disabled={locked}
        />
      )}
      {environment.kind === 'custom' && (
        <button
          type="button"
          className="fb-btn fb-env__edit"
          aria-label={`Edit environment ${environment.name}`}
          title="Edit this environment"
          disabled={locked}
          onClick={() => setEditing({ env: environment })}
        >
          ✎
        </button>
      )}
      {editing && <EnvironmentEditor initial={editing.env} onClose={() => setEditing(null)} />}
    </div>
  );
}
