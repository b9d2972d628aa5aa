import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import type { RunSummary } from '@shared/api/contract';
import { TRANSPORTS } from '@shared/trace/events';
import { MESSAGE_STATUSES } from '@shared/trace/message-filter';
import { api } from '../app/api-holder';
import { activeFieldCount, type FilterDraft } from './filter-draft';
import { applyDraft, clearFilter } from './messages-feed';
import { useMessagesStore } from './messages-store';
import { SavedFilters } from './SavedFilters';

/** Transports a recorded message can have (inproc is internal wiring, never a recorded hop). */
const SHOWN_TRANSPORTS = TRANSPORTS.filter((t) => t !== 'inproc');

/**
 * The message browser's filter bar: every field combines (AND); lists (statuses,
 * transports) match any of their values. Applied with Enter or Apply; a field that is
 * wrong says why beside it and nothing runs.
 */
export function FilterBar(): ReactElement {
  const applied = useMessagesStore((s) => s.draft);
  const errors = useMessagesStore((s) => s.draftErrors);
  const filter = useMessagesStore((s) => s.filter);
  const [draft, setDraft] = useState<FilterDraft>(applied);
  const [more, setMore] = useState(false);
  const [runs, setRuns] = useState<RunSummary[]>([]);
  // A restored filter or a new run replaces what is typed (adjusting state while rendering).
  const [shown, setShown] = useState(applied);
  if (shown !== applied) {
    setShown(applied);
    setDraft(applied);
  }
  const runId = useMessagesStore((s) => s.runId);
  useEffect(() => {
    let live = true;
    const request = api()['runs.list']({ limit: 50 });
    request.then((r) => live && setRuns(r)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [runId]);

  const edit = <K extends keyof FilterDraft>(key: K, value: FilterDraft[K]): void =>
    setDraft((d) => ({ ...d, [key]: value }));
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    applyDraft(draft);
  };
  const text = (key: keyof FilterDraft, label: string, placeholder: string, wide = false): ReactElement => (
    <label className={`fb-mfilter__field${wide ? ' fb-mfilter__field--wide' : ''}`}>
      <span>{label}</span>
      <input
        className="fb-input fb-input--mono"
        aria-label={label}
        value={draft[key] as string}
        placeholder={placeholder}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={errors[key] ? `fb-mfilter-err-${key}` : undefined}
        onChange={(e) => edit(key, e.target.value as never)}
      />
      {errors[key] && (
        <span id={`fb-mfilter-err-${key}`} role="alert" className="fb-error-text fb-mfilter__err">
          {errors[key]}
        </span>
      )}
    </label>
  );

  return (
    <form className="fb-mfilter" aria-label="Message filter" onSubmit={submit}>
      <div className="fb-mfilter__row">
        <label className="fb-mfilter__field fb-mfilter__run">
          <span>Run</span>
          <select className="fb-input" value={draft.runId} onChange={(e) => edit('runId', e.target.value)}>
            <option value="">All runs</option>
            {runs.map((r) => (
              <option key={r.id} value={r.id}>
                {r.flowName} · {new Date(r.startedAt).toLocaleTimeString()} · {r.messageCount}
              </option>
            ))}
            {draft.runId && !runs.some((r) => r.id === draft.runId) && (
              <option value={draft.runId}>{draft.runId}</option>
            )}
          </select>
        </label>
        {text('text', 'Search payloads', 'full text: words, "a phrase", pref*, NOT x', true)}
        {text('json', 'JSON predicate', '$.customer.id = 42 && $.total > 10', true)}
        <div className="fb-mfilter__actions">
          <button type="submit" className="fb-btn fb-btn--primary fb-btn--small">
            Apply
          </button>
          <button type="button" className="fb-btn fb-btn--ghost fb-btn--small" onClick={clearFilter}>
            Clear
          </button>
          <button
            type="button"
            className="fb-btn fb-btn--ghost fb-btn--small"
            aria-expanded={more}
            onClick={() => setMore((m) => !m)}
          >
            {more ? 'Fewer filters' : 'More filters'}
            {activeFieldCount(filter) > 0 && ` (${activeFieldCount(filter)} on)`}
          </button>
          <SavedFilters />
        </div>
      </div>
      {more && (
        <div className="fb-mfilter__row fb-mfilter__row--more">
          <ChipGroup
            label="Status"
            options={MESSAGE_STATUSES}
            chosen={draft.statuses}
            onChange={(statuses) => edit('statuses', statuses)}
          />
          {text('nodes', 'Nodes', 'node ids, comma-separated')}
          <ChipGroup
            label="Transport"
            options={SHOWN_TRANSPORTS}
            chosen={draft.transports}
            onChange={(transports) => edit('transports', transports)}
          />
          {text('destination', 'Destination', 'topic, queue, exchange or method')}
          {text('partition', 'Partition', '0')}
          {text('key', 'Key', 'exact key')}
          {text('headerName', 'Header', 'name')}
          {text('headerValue', 'Header value', 'any value')}
          <label className="fb-mfilter__field">
            <span>From</span>
            <input
              type="datetime-local"
              step={1}
              className="fb-input"
              value={draft.from}
              aria-invalid={errors.from ? true : undefined}
              onChange={(e) => edit('from', e.target.value)}
            />
          </label>
          <label className="fb-mfilter__field">
            <span>To</span>
            <input
              type="datetime-local"
              step={1}
              className="fb-input"
              value={draft.to}
              aria-invalid={errors.to ? true : undefined}
              onChange={(e) => edit('to', e.target.value)}
            />
            {errors.to && (
              <span role="alert" className="fb-error-text fb-mfilter__err">
                {errors.to}
              </span>
            )}
          </label>
        </div>
      )}
      {/* Errors of fields hidden under "More filters" must still be seen. */}
      {!more && (errors.partition || errors.headerName || errors.from || errors.to) && (
        <p role="alert" className="fb-error-text">
          {errors.partition ?? errors.headerName ?? errors.from ?? errors.to}
        </p>
      )}
    </form>
  );
}

/** A labelled group of checkboxes choosing some of `options` (statuses, transports). */
function ChipGroup<T extends string>(props: {
  label: string;
  options: readonly T[];
  chosen: readonly T[];
  onChange(chosen: T[]): void;
}): ReactElement {
  return (
    <fieldset className="fb-mfilter__chips" aria-label={props.label}>
      <legend>{props.label}</legend>
      {props.options.map((option) => (
        <label key={option} className="fb-mfilter__chip">
          <input
            type="checkbox"
            checked={props.chosen.includes(option)}
            onChange={() => props.onChange(toggle(props.chosen, option))}
          />
          {option}
        </label>
      ))}
    </fieldset>
  );
}

/** `list` with `v` added, or taken out when it is there. */
function toggle<T extends string>(list: readonly T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}
