import { useId, useMemo, useState, type ReactElement } from 'react';
import { CONTRACT_FORMATS, type ContractFormat } from '@shared/flow/node-kinds';
import { CodeEditor } from '../editors/CodeEditor';
import { jsonSyntaxErrors } from '@shared/text/json-errors';
import { CONTRACT_FORMAT_LABELS, contractDraft, switchContract, type ContractDraft } from './contract-model';
import { errorFor, type FieldSpec } from './field-model';
import './contract-field.css';

interface ContractFieldProps {
  field: FieldSpec;
  path: string;
  value: unknown;
  errors: Record<string, string>;
  /** Message types of the flow's .proto sources, offered for a protobuf contract. */
  messageTypes?: string[];
  onChange(value: ContractDraft): void;
}

const SCHEMA_HINTS: Partial<Record<ContractFormat, string>> = {
  'json-schema': 'Every delivered message is checked against it; producers can fake valid payloads from it.',
  avro: 'An Avro schema (JSON): a record with its fields. Kafka topics can encode payloads with it.',
  protobuf: 'A message type of the flow’s .proto files, e.g. shop.Order.',
};

/**
 * A destination's message contract: a format select, then the control that format needs
 * (a JSON editor with syntax errors at their line, or a message type with suggestions).
 * Switching format and back keeps what was written in this form.
 */
export function ContractField({
  field,
  path,
  value,
  errors,
  messageTypes = [],
  onChange,
}: ContractFieldProps): ReactElement {
  const id = useId();
  const draft = contractDraft(value);
  const [earlier, setEarlier] = useState<Partial<Record<ContractFormat, ContractDraft>>>({});
  const schemaErrors = useMemo(
    () =>
      typeof draft.schema === 'string' && draft.schema.trim() !== '' ? jsonSyntaxErrors(draft.schema) : [],
    [draft.schema],
  );
  const fieldError = errorFor(errors, path);
  // A JSON syntax error already shows at its line; other problems (required, wrong type) show below.
  const shownError =
    schemaErrors.length > 0 && /not valid JSON/.test(fieldError ?? '') ? undefined : fieldError;

  const choose = (format: ContractFormat): void => {
    setEarlier((e) => ({ ...e, [draft.format]: draft }));
    onChange(switchContract(format, { ...earlier, [draft.format]: draft }, messageTypes));
  };

  return (
    <fieldset className="fb-field fb-field--object fb-contract" data-testid="contract-field">
      <legend className="fb-field__label">{field.label}</legend>
      {field.hint && <p className="fb-field__hint">{field.hint}</p>}
      <div className="fb-object">
        <div className="fb-field">
          <label className="fb-field__label" htmlFor={`${id}-format`}>
            Contract format
          </label>
          <select
            id={`${id}-format`}
            className="fb-input"
            value={draft.format}
            onChange={(e) => choose(e.target.value as ContractFormat)}
          >
            {CONTRACT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {CONTRACT_FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
        {(draft.format === 'json-schema' || draft.format === 'avro') && (
          <div className="fb-field">
            <label className="fb-field__label" htmlFor={`${id}-schema`}>
              {draft.format === 'avro' ? 'Avro schema' : 'JSON Schema'}
            </label>
            <CodeEditor
              id={`${id}-schema`}
              rows={10}
              value={draft.schema ?? ''}
              errors={schemaErrors}
              aria-describedby={`${id}-hint`}
              onChange={(schema) => onChange({ ...draft, schema })}
            />
            <p id={`${id}-hint`} className="fb-field__hint">
              {SCHEMA_HINTS[draft.format]}
            </p>
          </div>
        )}
        {draft.format === 'protobuf' && (
          <div className="fb-field">
            <label className="fb-field__label" htmlFor={`${id}-type`}>
              Message type
            </label>
            <input
              id={`${id}-type`}
              className="fb-input fb-input--mono"
              spellCheck={false}
              list={`${id}-types`}
              placeholder={messageTypes[0] ?? 'shop.Order'}
              aria-describedby={`${id}-hint`}
              value={draft.messageType ?? ''}
              onChange={(e) => onChange({ ...draft, messageType: e.target.value })}
            />
            <datalist id={`${id}-types`}>
              {messageTypes.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
            <p id={`${id}-hint`} className="fb-field__hint">
              {messageTypes.length > 0
                ? `${SCHEMA_HINTS.protobuf} Known here: ${messageTypes.slice(0, 4).join(', ')}${messageTypes.length > 4 ? '…' : ''}.`
                : `${SCHEMA_HINTS.protobuf} No .proto source on the canvas yet: add a gRPC service.`}
            </p>
          </div>
        )}
        {shownError && (
          <p role="alert" className="fb-field__error">
            {field.label} {shownError}
          </p>
        )}
      </div>
    </fieldset>
  );
}
