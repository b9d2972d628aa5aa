import { useId, type ReactElement } from 'react';
import type { FieldSpec } from './field-model';
import { MapField } from './MapField';
import { NumberField } from './NumberField';

interface FieldRowProps {
  field: FieldSpec;
  value: unknown;
  error?: string;
  /** Keys offered when adding a map row (a service's method names). */
  suggestedKeys?: string[];
  onChange(value: unknown): void;
}

/** One labelled form field with its hint and its inline error. */
export function FieldRow({ field, value, error, suggestedKeys, onChange }: FieldRowProps): ReactElement {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [field.hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };

  let control: ReactElement;
  switch (field.control) {
    case 'textarea':
      control = (
        <textarea
          {...common}
          className="fb-input fb-input--mono"
          rows={field.key === 'proto' ? 12 : 5}
          spellCheck={false}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'number':
      control = (
        <NumberField
          {...common}
          value={typeof value === 'number' ? value : Number.NaN}
          integer={field.integer}
          onChange={onChange}
        />
      );
      break;
    case 'checkbox':
      control = (
        <input
          {...common}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
      );
      break;
    case 'map':
      return (
        <fieldset className="fb-field fb-field--map" aria-describedby={describedBy}>
          <legend className="fb-field__label">{field.label}</legend>
          {field.hint && (
            <p id={hintId} className="fb-field__hint">
              {field.hint}
            </p>
          )}
          <MapField
            label={field.label}
            value={value && typeof value === 'object' ? (value as Record<string, string>) : {}}
            longValues={field.longValues}
            suggestedKeys={suggestedKeys}
            onChange={onChange}
          />
          {error && (
            <p id={errorId} role="alert" className="fb-field__error">
              {error}
            </p>
          )}
        </fieldset>
      );
    default:
      control = (
        <input
          {...common}
          className="fb-input"
          spellCheck={false}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
  return (
    <div className={`fb-field${field.control === 'checkbox' ? ' fb-field--check' : ''}`}>
      <label className="fb-field__label" htmlFor={id}>
        {field.label}
      </label>
      {control}
      {field.hint && (
        <p id={hintId} className="fb-field__hint">
          {field.hint}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="fb-field__error">
          {field.label} {error}
        </p>
      )}
    </div>
  );
}
