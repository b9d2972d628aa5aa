import { useId, type ReactElement } from 'react';
import { BROWSER_MODE_SECRETS_MESSAGE } from '@shared/run/custom-environment';
import type { SecretInput } from './env-form';

interface Props {
  label: string;
  value: SecretInput;
  onChange(value: SecretInput): void;
  /** False in browser mode: there is no keychain behind a browser. */
  keychainAvailable: boolean;
  error?: string;
}

/**
 * A password that is referenced, never shown: from an environment variable of the engine
 * ("from $VAR"), or kept in the OS keychain ("stored in keychain", replaceable, never read
 * back). A typed value stays in this field only until Save or Test stores it.
 */
export function SecretField({ label, value, onChange, keychainAvailable, error }: Props): ReactElement {
  const sourceId = useId();
  const inputId = useId();
  const statusId = useId();
  const stored = value.source === 'keychain' && value.keychainId && !value.typed;
  const status =
    value.source === 'env'
      ? value.envName.trim()
        ? `from $${value.envName.trim()}`
        : 'name the variable that holds it'
      : stored
        ? 'stored in keychain'
        : 'kept in the keychain when saved';
  return (
    <div className="fb-secret" role="group" aria-label={label}>
      <div className="fb-secret__row">
        <label className="fb-field__label" htmlFor={sourceId}>
          {label}
        </label>
        <select
          id={sourceId}
          className="fb-input fb-secret__source"
          aria-label={`${label} source`}
          value={value.source}
          onChange={(e) => onChange({ ...value, source: e.target.value === 'keychain' ? 'keychain' : 'env' })}
        >
          <option value="env">Environment variable</option>
          <option value="keychain" disabled={!keychainAvailable}>
            OS keychain
          </option>
        </select>
      </div>
      {value.source === 'env' ? (
        <input
          id={inputId}
          className="fb-input fb-input--mono"
          aria-label={`${label} variable`}
          aria-describedby={statusId}
          aria-invalid={error ? true : undefined}
          placeholder="VARIABLE_NAME"
          spellCheck={false}
          autoComplete="off"
          value={value.envName}
          onChange={(e) => onChange({ ...value, envName: e.target.value })}
        />
      ) : (
        <input
          id={inputId}
          type="password"
          className="fb-input"
          aria-label={`${label} value`}
          aria-describedby={statusId}
          aria-invalid={error ? true : undefined}
          placeholder={stored ? 'type to replace the stored password' : ''}
          autoComplete="new-password"
          value={value.typed}
          onChange={(e) => onChange({ ...value, typed: e.target.value })}
        />
      )}
      <p id={statusId} className="fb-field__hint" data-testid="secret-status">
        {status}
      </p>
      {!keychainAvailable && <p className="fb-field__hint">{capitalize(BROWSER_MODE_SECRETS_MESSAGE)}.</p>}
      {error && (
        <p role="alert" className="fb-field__error">
          {label}: {error}
        </p>
      )}
    </div>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
