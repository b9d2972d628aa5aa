import { useId, type ReactElement } from 'react';
import { errorFor, type FieldSpec, type VariantSpec } from './field-model';
import { FieldRow } from './FieldRow';
import { moveItem } from './list-edits';
import './compound-fields.css';
import './typed-list.css';

interface TypedListFieldProps {
  field: FieldSpec;
  path: string;
  value: unknown;
  errors: Record<string, string>;
  nodeNames?: string[];
  onChange(value: unknown[]): void;
}

type Item = Record<string, unknown>;

/**
 * A list whose items come in kinds (faults, behaviour steps): add one by choosing its
 * kind, and each card shows that kind's fields, an on/off switch on its title bar when
 * the kinds have one, and buttons to reorder and remove it (order is the order applied).
 */
export function TypedListField({
  field,
  path,
  value,
  errors,
  nodeNames,
  onChange,
}: TypedListFieldProps): ReactElement {
  const id = useId();
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  const variants = field.variants ?? [];
  const key = field.discriminator ?? 'kind';
  const noun = field.itemNoun ?? 'item';
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const listError = errors[path];
  const replace = (i: number, item: Item): void => onChange(items.map((x, j) => (j === i ? item : x)));

  return (
    <fieldset className="fb-field fb-field--list fb-typed-list" data-testid={`typed-list-${field.key}`}>
      <legend className="fb-field__label">{field.label}</legend>
      {field.hint && <p className="fb-field__hint">{field.hint}</p>}
      {items.length === 0 && <p className="fb-field__hint">None.</p>}
      {items.map((raw, i) => {
        const item: Item = raw && typeof raw === 'object' ? (raw as Item) : {};
        const variant = variants.find((v) => v.kind === item[key]);
        const name = `${Noun} ${i + 1}`;
        const on = field.toggleKey ? item[field.toggleKey] !== false : true;
        return (
          <section
            key={i}
            className={`fb-list-item fb-typed-item${on ? '' : ' fb-typed-item--off'}`}
            aria-label={name}
            data-kind={String(item[key] ?? '')}
          >
            <header className="fb-list-item__head">
              {field.toggleKey && (
                <input
                  type="checkbox"
                  className="fb-typed-item__toggle"
                  aria-label={`${name} enabled`}
                  title={on ? 'On: applied to messages' : 'Off: kept, not applied'}
                  checked={on}
                  onChange={(e) => replace(i, { ...item, [field.toggleKey as string]: e.target.checked })}
                />
              )}
              <span className="fb-list-item__title">
                <span className="fb-typed-item__number">{i + 1}</span>
                {variant?.label ?? `Unknown ${noun} "${String(item[key])}"`}
              </span>
              <button
                type="button"
                className="fb-icon-btn"
                aria-label={`Move ${noun} ${i + 1} up`}
                disabled={i === 0}
                onClick={() => onChange(moveItem(items, i, i - 1))}
              >
                ↑
              </button>
              <button
                type="button"
                className="fb-icon-btn"
                aria-label={`Move ${noun} ${i + 1} down`}
                disabled={i === items.length - 1}
                onClick={() => onChange(moveItem(items, i, i + 1))}
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
            {variant && (
              <VariantFields
                variant={variant}
                item={item}
                path={`${path}[${i}]`}
                name={name}
                errors={errors}
                nodeNames={nodeNames}
                onChange={(next) => replace(i, next)}
              />
            )}
          </section>
        );
      })}
      <div className="fb-typed-list__add">
        <select
          id={`${id}-add`}
          aria-label={`Add ${noun}`}
          className="fb-input fb-typed-list__add-select"
          value=""
          onChange={(e) => {
            const variant = variants.find((v) => v.kind === e.target.value);
            if (variant) onChange([...items, variant.newItem()]);
          }}
        >
          <option value="" disabled>
            + Add {noun}…
          </option>
          {variants.map((v) => (
            <option key={v.kind} value={v.kind}>
              {v.label}
            </option>
          ))}
        </select>
      </div>
      {listError && (
        <p role="alert" className="fb-field__error">
          {field.label} {listError}
        </p>
      )}
    </fieldset>
  );
}

interface VariantFieldsProps {
  variant: VariantSpec;
  item: Item;
  path: string;
  name: string;
  errors: Record<string, string>;
  nodeNames?: string[];
  onChange(item: Item): void;
}

/** One item's own fields; nested settings (per-protocol errors) fold away as one flat list. */
function VariantFields({
  variant,
  item,
  path,
  name,
  errors,
  nodeNames,
  onChange,
}: VariantFieldsProps): ReactElement {
  const row = (sub: FieldSpec, subPath: string, value: unknown, set: (v: unknown) => void): ReactElement => (
    <FieldRow
      key={subPath}
      field={sub}
      path={subPath}
      ariaLabel={`${name} ${sub.label.toLowerCase()}`}
      value={value}
      error={errorFor(errors, subPath)}
      errors={errors}
      nodeNames={nodeNames}
      onChange={set}
    />
  );
  const plain = variant.fields.filter((f) => f.control !== 'object');
  const nested = variant.fields.filter((f) => f.control === 'object');
  return (
    <>
      {plain.map((sub) =>
        row(sub, `${path}.${sub.key}`, item[sub.key], (v) => onChange({ ...item, [sub.key]: v })),
      )}
      {nested.map((sub) => {
        const subPath = `${path}.${sub.key}`;
        // Absent settings mean the defaults: show those, and write them out once one changes.
        const obj = asObject(item[sub.key] ?? sub.newItem?.());
        return (
          <details
            key={sub.key}
            className="fb-typed-item__more"
            open={errorFor(errors, subPath) !== undefined}
          >
            <summary>{sub.label === 'Error' ? 'Error per protocol' : sub.label}</summary>
            <div className="fb-typed-item__more-body">
              {(sub.fields ?? []).flatMap((group) => {
                const set = (v: unknown): void =>
                  onChange({ ...item, [sub.key]: { ...obj, [group.key]: v } });
                if (group.control !== 'object')
                  return [row(group, `${subPath}.${group.key}`, obj[group.key], set)];
                const inner = asObject(obj[group.key] ?? group.newItem?.());
                return (group.fields ?? []).map((leaf) =>
                  row(
                    { ...leaf, label: `${group.label} ${leaf.label.toLowerCase()}` },
                    `${subPath}.${group.key}.${leaf.key}`,
                    inner[leaf.key],
                    (v) => set({ ...inner, [leaf.key]: v }),
                  ),
                );
              })}
            </div>
          </details>
        );
      })}
    </>
  );
}

function asObject(value: unknown): Item {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Item) : {};
}
