import { z } from 'zod';
import { TRANSPORTS } from './events';

/**
 * What a recorded message went through, as the message browser filters it. Each status is
 * "some span of the message's trace was of this kind" (issue 6).
 */
export const MESSAGE_STATUSES = [
  'acked',
  'nacked',
  'dead-lettered',
  'error',
  'unroutable',
  'injected-fault',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** `$.customer.id`, `$.items[0].sku`: keys are identifiers, indexes whole numbers. */
export const JSON_PATH_PATTERN = /^\$(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])+$/;

const jsonPredicate = z.object({
  path: z.string().regex(JSON_PATH_PATTERN, 'a JSON path like $.customer.id or $.items[0].sku'),
  op: z.enum(['=', '!=', '<', '<=', '>', '>=']),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});
export type JsonPredicate = z.infer<typeof jsonPredicate>;

/** Every field is optional; the fields given must all hold (AND). Lists mean any of (OR). */
export const messageFilterSchema = z.object({
  runId: z.string().min(1).optional(),
  nodeIds: z.array(z.string().min(1)).min(1).optional(),
  transports: z.array(z.enum(TRANSPORTS)).min(1).optional(),
  /** Topic, queue, exchange or `package.Service/Method`, exactly. */
  destination: z.string().min(1).optional(),
  partition: z.number().int().min(0).optional(),
  key: z.string().optional(),
  /** A header by name; with `value`, only messages whose header has exactly that value. */
  header: z.object({ name: z.string().min(1), value: z.string().optional() }).optional(),
  statuses: z.array(z.enum(MESSAGE_STATUSES)).min(1).optional(),
  /** Epoch milliseconds, `from` inclusive, `to` exclusive. */
  from: z.number().optional(),
  to: z.number().optional(),
  /** SQLite FTS5 query syntax over payload text: words, "phrases", prefix*, AND/OR/NOT. */
  text: z.string().min(1).optional(),
  json: z.array(jsonPredicate).min(1).optional(),
});
export type MessageFilter = z.infer<typeof messageFilterSchema>;

/** A page request: the filter, how many rows, and the cursor the previous page returned. */
export const messagePageRequestSchema = z.object({
  filter: messageFilterSchema,
  limit: z.number().int().min(1).max(1000),
  /** Opaque; from the previous page's `nextCursor`. Absent for the first (newest) page. */
  cursor: z.string().min(1).optional(),
});
export type MessagePageRequest = z.infer<typeof messagePageRequestSchema>;

/** One browser row: no payload, no headers. */
export interface MessagePageRow {
  id: number;
  ts: number;
  runId: string;
  nodeId: string;
  transport: string;
  destination: string;
  partition: number | null;
  key: string | null;
  size: number;
  traceId: string;
  statuses: MessageStatus[];
}

export interface MessagePage {
  rows: MessagePageRow[];
  /**
   * Pass back to get the next (older) page; null when nothing older is left. A page may hold
   * fewer rows than asked (even none) with a cursor: the store stops scanning after a time
   * budget so every call answers quickly; ask again to go on.
   */
  nextCursor: string | null;
}

/**
 * Parses `$.customer.id = 42` (the browser's text box) into a predicate. The value is JSON
 * (`42`, `"x"`, `true`, `null`) or, failing that, a bare word taken as a string.
 */
export function parseJsonPredicate(text: string): JsonPredicate {
  const m = /^\s*(\$\S*?)\s*(!=|<=|>=|=|<|>)\s*(.*?)\s*$/.exec(text);
  if (!m) throw new Error(`JSON predicate "${text}": expected <path> <op> <value>, e.g. $.customer.id = 42`);
  const [, path, op, raw] = m;
  if (!JSON_PATH_PATTERN.test(path))
    throw new Error(
      `JSON predicate "${text}": bad path "${path}"; expected e.g. $.customer.id or $.items[0]`,
    );
  if (raw === '') throw new Error(`JSON predicate "${text}": missing value after "${op}"`);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  if (typeof value === 'object' && value !== null)
    throw new Error(`JSON predicate "${text}": the value must be a number, string, true, false or null`);
  return jsonPredicate.parse({ path, op, value });
}
