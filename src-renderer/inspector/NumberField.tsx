import { useState, type ReactElement } from 'react';

interface NumberFieldProps {
  id: string;
  value: number;
  integer?: boolean;
  onChange(value: number): void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

function format(n: number): string {
  return Number.isFinite(n) ? String(n) : '';
}

/**
 * A number input that keeps what the user typed: an empty or unfinished number is sent on
 * as NaN (the schema reports it) while the text stays in the field.
 */
export function NumberField({ value, integer, onChange, ...rest }: NumberFieldProps): ReactElement {
  const [draft, setDraft] = useState({ text: format(value), value });
  // The value changed from outside (another node, a loaded file): show it.
  if (!Object.is(draft.value, value)) setDraft({ text: format(value), value });
  return (
    <input
      {...rest}
      className="fb-input"
      type="number"
      inputMode={integer ? 'numeric' : 'decimal'}
      step={integer ? 1 : 'any'}
      value={draft.text}
      onChange={(e) => {
        const text = e.target.value;
        const n = text.trim() === '' ? Number.NaN : Number(text);
        setDraft({ text, value: n });
        onChange(n);
      }}
    />
  );
}
