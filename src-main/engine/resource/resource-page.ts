/**
 * Cursor pagination of a resource's list: a cursor names the last item a page showed (by
 * its insertion number, never its position), so items created or deleted between two page
 * requests neither repeat nor skip what is left. Pure logic.
 */

/** A cursor the client sent that this collection did not make. */
export class CursorError extends Error {}

/** An opaque cursor for "the items after insertion number `after`". */
export function encodeCursor(after: number): string {
  return Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');
}

/** The insertion number a cursor points after; throws CursorError for anything else. */
export function decodeCursor(cursor: string): number {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new CursorError(`cursor "${cursor}" is not one this list gave out`);
  }
  const after = (value as { after?: unknown } | null)?.after;
  if (typeof after !== 'number' || !Number.isSafeInteger(after) || after < 0)
    throw new CursorError(`cursor "${cursor}" is not one this list gave out`);
  return after;
}

export interface Page<T> {
  items: T[];
  /** The cursor of the next page; null on the last page. */
  next: string | null;
}

/**
 * The page of at most `limit` items inserted after `after` (0: from the start). `items` must
 * be in insertion order, each with its insertion number `seq`.
 */
export function pageAfter<T extends { seq: number }>(
  items: readonly T[],
  after: number,
  limit: number,
): Page<T> {
  const rest = items.filter((i) => i.seq > after);
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page, next: rest.length > limit && last ? encodeCursor(last.seq) : null };
}

/**
 * Reads `limit` from a query string value: a whole number from 1 to `max`, else `fallback`
 * when absent. Throws a sentence naming the value otherwise.
 */
export function readLimit(value: string | string[] | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const text = Array.isArray(value) ? value[value.length - 1] : value;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max)
    throw new CursorError(`limit must be a whole number from 1 to ${max}, not "${text}"`);
  return n;
}
