import { useId, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isRunActive, useRunStore } from '../run/run-store';
import { BrokerSettings } from './BrokerSettings';
import { chooseEnvironment } from './environment-actions';
import { useSettingsStore } from './settings-store';
import './settings.css';

/** Where the next run goes: Embedded (in-process) or the local Kafka and RabbitMQ brokers. */
export function EnvironmentPicker(): ReactElement {
  const { environment, local } = useSettingsStore(
    useShallow((s) => ({ environment: s.environment, local: s.local })),
  );
  const locked = useRunStore((s) => isRunActive(s.state));
  const selectId = useId();
  return (
    <div className="fb-env">
      <label htmlFor={selectId} className="fb-env__label">
        Environment
      </label>
      <select
        id={selectId}
        className="fb-input fb-env__select"
        value={environment.kind}
        disabled={locked}
        title={locked ? 'Stop the run to change the environment' : undefined}
        onChange={(e) => void chooseEnvironment(e.target.value === 'local' ? local : { kind: 'embedded' })}
      >
        <option value="embedded">Embedded</option>
        <option value="local">Local brokers</option>
      </select>
      {environment.kind === 'local' && (
        <BrokerSettings
          key={`${environment.kafkaBrokers.join(',')}|${environment.amqpUrl}`}
          brokers={environment.kafkaBrokers.join(', ')}
          amqpUrl={environment.amqpUrl}
          disabled={locked}
        />
      )}
    </div>
  );
}
