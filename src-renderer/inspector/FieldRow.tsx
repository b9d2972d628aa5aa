import { useId, type ReactElement } from 'react';
import { editorKindFor } from '../editors/field-editors';
import { FieldEditor } from '../editors/FieldEditor';
import type { FieldSpec } from './field-model';
import { ListField } from './ListField';
import { MapField } from './MapField';
import { NumberField } from './NumberField';
import { ObjectField } from './ObjectField';
import { StringListField } from './StringListField';
import { ContractField } from './ContractField';
import { TypedListField } from './TypedListField';

interface FieldRowProps {
  field: FieldSpec;
  value: unknown;
  error?: string;
  /** Every error of the form by path, for lists and objects to show their fields' own. */
  errors?: Record<string, string>;
  /** The field's full path inside the config, e.g. `routes[0].path` (default: its key). */
  path?: string;
  /** The accessible name when the visible label repeats (list items): "Route 1 path". */
  ariaLabel?: string;
  /** Keys offered when adding a map row (a service's method names). */
  suggestedKeys?: string[];
  /** The flow's node names, offered for fields that name a node. */
  nodeNames?: string[];
  /** Message type names offered by a contract field (from the flow's .proto sources). */
  messageTypes?: string[];
  onChange(value: unknown): void;
}

/** One labelled form field with its hint and its inline error. */
export function FieldRow(props: FieldRowProps): ReactElement {
  const {
    field,
    value,
    error,
    errors = {},
    ariaLabel,
    suggestedKeys,
    nodeNames,
    messageTypes,
    onChange,
  } = props;
  const path = props.path ?? field.key;
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [field.hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    'aria-label': ariaLabel,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  };

  let control: ReactElement;
  switch (field.control) {
    case 'textarea':
      // Templates, .proto and GraphQL get a code editor (line numbers, errors at the line, preview).
      control = editorKindFor(path) ? (
        <FieldEditor
          {...common}
          fieldPath={path}
          value={typeof value === 'string' ? value : ''}
          onChange={onChange}
        />
      ) : (
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
    case 'select':
      control = (
        <select
          {...common}
          className="fb-input"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        >
          {field.options?.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
    case 'strings':
      control = <StringListField {...common} value={value} onChange={onChange} />;
      break;
    case 'list':
      return (
        <ListField
          field={field}
          path={path}
          value={value}
          errors={errors}
          nodeNames={nodeNames}
          onChange={onChange}
        />
      );
    case 'typedList':
      return (
        <TypedListField
          field={field}
          path={path}
          value={value}
          errors={errors}
          nodeNames={nodeNames}
          onChange={onChange}
        />
      );
    case 'contract':
      return (
        <ContractField
          field={field}
          path={path}
          value={value}
          errors={errors}
          messageTypes={messageTypes}
          onChange={onChange}
        />
      );
    case 'object':
      return (
        <ObjectField
          field={field}
          path={path}
          value={value}
          errors={errors}
          nodeNames={nodeNames}
          onChange={onChange}
        />
      );
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
            fieldKey={field.key}
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
        <>
          <input
            {...common}
            className="fb-input"
            spellCheck={false}
            list={field.nodeRef && nodeNames ? `${id}-names` : undefined}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value)}
          />
          {field.nodeRef && nodeNames && (
            <datalist id={`${id}-names`}>
              {nodeNames.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
          )}
        </>
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
