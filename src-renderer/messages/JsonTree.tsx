import { useState, type ReactElement } from 'react';

/** Children shown per expanded array or object before "show more": big payloads stay quick. */
const CHILDREN_STEP = 100;
/** Branches up to this depth open by default, when they hold at most OPEN_MAX_CHILDREN children. */
const OPEN_DEPTH = 2;
const OPEN_MAX_CHILDREN = 50;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * A collapsible JSON tree. Only expanded branches are rendered, so a 1 MiB document opens
 * as fast as its top level. Values are rendered as text (React escapes them), never HTML.
 */
export function JsonTree({ value }: { value: Json }): ReactElement {
  return (
    <div className="fb-jtree" role="tree" aria-label="Payload JSON" data-testid="message-json-tree">
      <JsonNode name={null} value={value} depth={0} />
    </div>
  );
}

function JsonNode({ name, value, depth }: { name: string | null; value: Json; depth: number }): ReactElement {
  const branch = value !== null && typeof value === 'object';
  const [open, setOpen] = useState(
    () =>
      depth === 0 ||
      (depth < OPEN_DEPTH &&
        branch &&
        (Array.isArray(value) ? value.length : Object.keys(value).length) <= OPEN_MAX_CHILDREN),
  );
  const [shown, setShown] = useState(CHILDREN_STEP);
  const label = name !== null ? <span className="fb-jtree__key">{name}: </span> : null;
  if (!branch) {
    return (
      <div role="treeitem" className="fb-jtree__leaf" style={{ paddingLeft: depth * 14 + 14 }}>
        {label}
        <span className={`fb-jtree__v fb-jtree__v--${value === null ? 'null' : typeof value}`}>
          {typeof value === 'string' ? JSON.stringify(value) : String(value)}
        </span>
      </div>
    );
  }
  const entries: Array<[string, Json]> = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  const summary = Array.isArray(value) ? `[${value.length}]` : `{${entries.length}}`;
  return (
    <div role="treeitem" aria-expanded={open}>
      <button
        type="button"
        className="fb-jtree__toggle"
        style={{ paddingLeft: depth * 14 }}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'} </span>
        {label}
        <span className="fb-jtree__summary">{summary}</span>
      </button>
      {open && (
        <div role="group">
          {entries.slice(0, shown).map(([k, v]) => (
            <JsonNode key={k} name={k} value={v} depth={depth + 1} />
          ))}
          {entries.length > shown && (
            <button
              type="button"
              className="fb-btn fb-btn--ghost fb-btn--small"
              style={{ marginLeft: depth * 14 + 14 }}
              onClick={() => setShown((n) => n + CHILDREN_STEP * 5)}
            >
              Show more ({(entries.length - shown).toLocaleString()} left)
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** The payload as JSON when it parses (objects and arrays only: a bare "42" reads fine as text). */
export function parseJsonPayload(text: string | null): Json | undefined {
  if (text === null) return undefined;
  const t = text.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}
