import {
  MESSAGE_STATUSES,
  messageFilterSchema,
  parseJsonPredicate,
  type JsonPredicate,
  type MessageFilter,
  type MessageStatus,
} from '@shared/trace/message-filter';
import { TRANSPORTS, type Transport } from '@shared/trace/events';

/** The filter bar's fields as typed (strings), before they become a `MessageFilter`. */
export interface FilterDraft {
  /** '' = all runs. */
  runId: string;
  /** Comma-separated node ids. */
  nodes: string;
  transports: Transport[];
  destination: string;
  partition: string;
  key: string;
  headerName: string;
  headerValue: string;
  statuses: MessageStatus[];
  /** `datetime-local` values (local time), '' when open. */
  from: string;
  to: string;
  text: string;
  /** One or more predicates joined by `&&`, e.g. `$.customer.id = 42 && $.total > 10`. */
  json: string;
}

export const EMPTY_DRAFT: FilterDraft = {
  runId: '',
  nodes: '',
  transports: [],
  destination: '',
  partition: '',
  key: '',
  headerName: '',
  headerValue: '',
  statuses: [],
  from: '',
  to: '',
  text: '',
  json: '',
};

/** A problem with one field of the draft, to show beside it. */
export type DraftErrors = Partial<Record<keyof FilterDraft, string>>;

function parseJsonList(text: string): JsonPredicate[] {
  return text
    .split('&&')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => parseJsonPredicate(p));
}

/** Turns the typed fields into a filter (every given field must hold), or says which are wrong. */
export function draftToFilter(d: FilterDraft): { filter: MessageFilter } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  const f: MessageFilter = {};
  if (d.runId) f.runId = d.runId;
  const nodes = d.nodes
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (nodes.length) f.nodeIds = nodes;
  if (d.transports.length) f.transports = d.transports;
  if (d.destination.trim()) f.destination = d.destination.trim();
  if (d.partition.trim()) {
    const n = Number(d.partition.trim());
    if (!Number.isInteger(n) || n < 0) errors.partition = 'a partition is a whole number, 0 or more';
    else f.partition = n;
  }
  if (d.key !== '') f.key = d.key;
  if (d.headerName.trim())
    f.header = { name: d.headerName.trim(), ...(d.headerValue !== '' ? { value: d.headerValue } : {}) };
  else if (d.headerValue !== '') errors.headerName = 'name the header whose value to match';
  if (d.statuses.length) f.statuses = d.statuses;
  const time = (field: 'from' | 'to'): void => {
    if (!d[field]) return;
    const ms = new Date(d[field]).getTime();
    if (Number.isNaN(ms)) errors[field] = 'not a date and time';
    else f[field] = ms;
  };
  time('from');
  time('to');
  if (f.from !== undefined && f.to !== undefined && f.from >= f.to) errors.to = '"to" must be after "from"';
  if (d.text.trim()) f.text = d.text.trim();
  if (d.json.trim()) {
    try {
      f.json = parseJsonList(d.json);
    } catch (err) {
      errors.json = err instanceof Error ? err.message : String(err);
    }
  }
  if (Object.keys(errors).length) return { errors };
  // The engine parses with the same schema; checking here gives the error beside the field.
  const parsed = messageFilterSchema.safeParse(f);
  if (!parsed.success) return { errors: { text: parsed.error.issues[0]?.message ?? 'invalid filter' } };
  return { filter: parsed.data };
}

const pad = (n: number): string => String(n).padStart(2, '0');
function localInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function predicateText(p: JsonPredicate): string {
  return `${p.path} ${p.op} ${JSON.stringify(p.value)}`;
}

/** The fields for a saved filter, so restoring it shows exactly what it filters. */
export function filterToDraft(f: MessageFilter): FilterDraft {
  return {
    runId: f.runId ?? '',
    nodes: (f.nodeIds ?? []).join(', '),
    transports: (f.transports ?? []).filter((t): t is Transport =>
      (TRANSPORTS as readonly string[]).includes(t),
    ),
    destination: f.destination ?? '',
    partition: f.partition !== undefined ? String(f.partition) : '',
    key: f.key ?? '',
    headerName: f.header?.name ?? '',
    headerValue: f.header?.value ?? '',
    statuses: (f.statuses ?? []).filter((s) => MESSAGE_STATUSES.includes(s)),
    from: f.from !== undefined ? localInput(f.from) : '',
    to: f.to !== undefined ? localInput(f.to) : '',
    text: f.text ?? '',
    json: (f.json ?? []).map(predicateText).join(' && '),
  };
}

/** How many fields the filter sets (the bar's "3 filters" badge). */
export function activeFieldCount(f: MessageFilter): number {
  return Object.values(f).filter((v) => v !== undefined).length;
}
