import type { ReactElement } from 'react';
import { errorFor, type FieldSpec } from './field-model';
import { FieldRow } from './FieldRow';
import './compound-fields.css';

interface ObjectFieldProps {
  field: FieldSpec;
  path: string;
  value: unknown;
  errors: Record<string, string>;
  nodeNames?: string[];
  onChange(value: Record<string, unknown>): void;
}

/** A nested settings object (a policy's retries, circuit breaker) as a fieldset of its fields. */
export function ObjectField({
  field,
  path,
  value,
  errors,
  nodeNames,
  onChange,
}: ObjectFieldProps): ReactElement {
  // Absent settings show their defaults (what the engine will use), not blank controls.
  const obj =
    value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : ((field.newItem?.() as Record<string, unknown> | undefined) ?? {});
  return (
    <fieldset className="fb-field fb-field--object">
      <legend className="fb-field__label">{field.label}</legend>
      {field.hint && <p className="fb-field__hint">{field.hint}</p>}
      <div className="fb-object">
        {(field.fields ?? []).map((sub) => {
          const subPath = `${path}.${sub.key}`;
          return (
            <FieldRow
              key={sub.key}
              field={sub}
              path={subPath}
              ariaLabel={`${field.label} ${sub.label.toLowerCase()}`}
              value={obj[sub.key]}
              error={errorFor(errors, subPath)}
              errors={errors}
              nodeNames={nodeNames}
              onChange={(v) => onChange({ ...obj, [sub.key]: v })}
            />
          );
        })}
      </div>
    </fieldset>
  );
}
