import { useState, type ReactElement } from 'react';

interface StringListFieldProps {
  id: string;
  value: unknown;
  onChange(value: string[]): void;
  'aria-label'?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

const lines = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * A list of short names, one per line. The text stays as typed (a trailing blank line
 * while adding one); the node gets the non-empty lines.
 */
export function StringListField({ value, onChange, ...rest }: StringListFieldProps): ReactElement {
  const [draft, setDraft] = useState({ text: lines(value).join('\n'), value });
  // The value changed from outside (undo, another node): show it.
  if (draft.value !== value) setDraft({ text: lines(value).join('\n'), value });
  return (
    <textarea
      {...rest}
      className="fb-input"
      rows={Math.min(8, Math.max(2, lines(value).length + 1))}
      spellCheck={false}
      value={draft.text}
      onChange={(e) => {
        const next = e.target.value
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        setDraft({ text: e.target.value, value: next });
        onChange(next);
      }}
    />
  );
}
