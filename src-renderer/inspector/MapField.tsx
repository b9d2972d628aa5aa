import { useState, type ReactElement } from 'react';
import { editorKindFor } from '../editors/field-editors';
import { FieldEditor } from '../editors/FieldEditor';

interface MapFieldProps {
  /** The config key of the map; long values of code maps (`responses`) get a code editor. */
  fieldKey?: string;
  label: string;
  value: Record<string, string>;
  longValues?: boolean;
  suggestedKeys?: string[];
  onChange(value: Record<string, string>): void;
}

type Row = [string, string];

/**
 * Key/value rows for a record of strings. Rows are kept as typed (even two equal keys
 * while renaming); the node gets them as an object, where a later key wins.
 */
export function MapField({
  fieldKey,
  label,
  value,
  longValues,
  suggestedKeys = [],
  onChange,
}: MapFieldProps): ReactElement {
  const [draft, setDraft] = useState<{ rows: Row[]; value: Record<string, string> }>({
    rows: Object.entries(value),
    value,
  });
  if (draft.value !== value) setDraft({ rows: Object.entries(value), value });

  const commit = (rows: Row[]): void => {
    const next = Object.fromEntries(rows);
    setDraft({ rows, value: next });
    onChange(next);
  };
  const update = (i: number, row: Row): void => commit(draft.rows.map((r, j) => (j === i ? row : r)));
  const addRow = (): void => {
    const used = new Set(draft.rows.map(([k]) => k));
    let key = suggestedKeys.find((k) => !used.has(k));
    for (let n = draft.rows.length + 1; !key; n += 1) if (!used.has(`key-${n}`)) key = `key-${n}`;
    commit([...draft.rows, [key, '']]);
  };

  const singular = label.replace(/s$/, '').toLowerCase();
  return (
    <div className="fb-map">
      {draft.rows.length === 0 && <p className="fb-field__hint">None.</p>}
      {draft.rows.map(([k, v], i) => (
        <div key={i} className={`fb-map__row${longValues ? ' fb-map__row--long' : ''}`}>
          <input
            className="fb-input fb-map__key"
            aria-label={`${label} ${i + 1} name`}
            spellCheck={false}
            value={k}
            onChange={(e) => update(i, [e.target.value, v])}
          />
          {longValues && fieldKey && editorKindFor(`${fieldKey}.${k}`) ? (
            <div className="fb-map__value">
              <FieldEditor
                fieldPath={`${fieldKey}.${k}`}
                aria-label={`${label} ${i + 1} value`}
                rows={4}
                value={v}
                onChange={(next) => update(i, [k, next])}
              />
            </div>
          ) : longValues ? (
            <textarea
              className="fb-input fb-input--mono fb-map__value"
              aria-label={`${label} ${i + 1} value`}
              rows={3}
              spellCheck={false}
              value={v}
              onChange={(e) => update(i, [k, e.target.value])}
            />
          ) : (
            <input
              className="fb-input fb-map__value"
              aria-label={`${label} ${i + 1} value`}
              spellCheck={false}
              value={v}
              onChange={(e) => update(i, [k, e.target.value])}
            />
          )}
          <button
            type="button"
            className="fb-icon-btn"
            aria-label={`Remove ${singular} ${k || i + 1}`}
            onClick={() => commit(draft.rows.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" className="fb-btn fb-btn--small" onClick={addRow}>
        + Add {singular}
      </button>
    </div>
  );
}
