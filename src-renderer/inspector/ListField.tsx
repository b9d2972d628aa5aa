import type { ReactElement } from 'react';
import { errorFor, type FieldSpec } from './field-model';
import { FieldRow } from './FieldRow';
import './compound-fields.css';

interface ListFieldProps {
  field: FieldSpec;
  path: string;
  value: unknown;
  errors: Record<string, string>;
  nodeNames?: string[];
  onChange(value: unknown[]): void;
}

/**
 * A list of objects (routes, saga steps, traffic shares): one card per item with its own
 * fields, and buttons to add, remove and reorder items (order matters for steps and routes).
 */
export function ListField({ field, path, value, errors, nodeNames, onChange }: ListFieldProps): ReactElement {
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  const noun = field.itemNoun ?? 'item';
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const listError = errors[path];
  const move = (from: number, to: number): void => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    onChange(next);
  };
  return (
    <fieldset className="fb-field fb-field--list">
      <legend className="fb-field__label">{field.label}</legend>
      {field.hint && <p className="fb-field__hint">{field.hint}</p>}
      {items.map((raw, i) => {
        const item = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
        return (
          <section key={i} className="fb-list-item" aria-label={`${Noun} ${i + 1}`}>
            <header className="fb-list-item__head">
              <span className="fb-list-item__title">
                {Noun} {i + 1}
              </span>
              <button
                type="button"
                className="fb-icon-btn"
                aria-label={`Move ${noun} ${i + 1} up`}
                disabled={i === 0}
                onClick={() => move(i, i - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="fb-icon-btn"
                aria-label={`Move ${noun} ${i + 1} down`}
                disabled={i === items.length - 1}
                onClick={() => move(i, i + 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="fb-icon-btn"
                aria-label={`Remove ${noun} ${i + 1}`}
                onClick={() => onChange(items.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </header>
            {(field.fields ?? []).map((sub) => {
              const subPath = `${path}[${i}].${sub.key}`;
              return (
                <FieldRow
                  key={sub.key}
                  field={sub}
                  path={subPath}
                  ariaLabel={`${Noun} ${i + 1} ${sub.label.toLowerCase()}`}
                  value={item[sub.key]}
                  error={errorFor(errors, subPath)}
                  errors={errors}
                  nodeNames={nodeNames}
                  onChange={(v) => onChange(items.map((x, j) => (j === i ? { ...item, [sub.key]: v } : x)))}
                />
              );
            })}
          </section>
        );
      })}
      <button
        type="button"
        className="fb-btn fb-btn--small"
        onClick={() => onChange([...items, field.newItem ? field.newItem() : {}])}
      >
        + Add {noun}
      </button>
      {listError && (
        <p role="alert" className="fb-field__error">
          {field.label} {listError}
        </p>
      )}
    </fieldset>
  );
}
