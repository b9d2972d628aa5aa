import { useId, type ReactElement, type ReactNode } from 'react';

/*
 * The small controls of the environment editor: a labelled text field with its hint and
 * error, a checkbox, a select, and a section that a checkbox in its legend turns on.
 */

/** A fieldset whose legend is a checkbox: its fields show only when it is on. */
export function Section(props: {
  title: string;
  on: boolean;
  onToggle(on: boolean): void;
  children: ReactNode;
}): ReactElement {
  return (
    <fieldset className={`fb-env-editor__section${props.on ? '' : ' fb-env-editor__section--off'}`}>
      <legend>
        <label className="fb-env-editor__toggle">
          <input type="checkbox" checked={props.on} onChange={(e) => props.onToggle(e.target.checked)} />{' '}
          {props.title}
        </label>
      </legend>
      {props.on && props.children}
    </fieldset>
  );
}

/** A labelled text input with an optional hint and its error (an alert naming the field). */
export function TextField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: string;
  mono?: boolean;
  autoFocus?: boolean;
}): ReactElement {
  const id = useId();
  const hintId = useId();
  return (
    <div className="fb-env-editor__field">
      <label className="fb-field__label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        className={`fb-input${props.mono ? ' fb-input--mono' : ''}`}
        value={props.value}
        autoFocus={props.autoFocus}
        spellCheck={false}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.hint ? hintId : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && (
        <p id={hintId} className="fb-field__hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p role="alert" className="fb-field__error">
          {props.label}: {props.error}
        </p>
      )}
    </div>
  );
}

/** A labelled checkbox. */
export function Check(props: {
  label: string;
  checked: boolean;
  onChange(value: boolean): void;
}): ReactElement {
  return (
    <label className="fb-env-editor__check">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />{' '}
      {props.label}
    </label>
  );
}

/** A labelled select of [value, text] options. */
export function SelectField(props: {
  label: string;
  value: string;
  options: Array<[string, string]>;
  onChange(value: string): void;
}): ReactElement {
  const id = useId();
  return (
    <div className="fb-env-editor__field">
      <label className="fb-field__label" htmlFor={id}>
        {props.label}
      </label>
      <select
        id={id}
        className="fb-input"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
