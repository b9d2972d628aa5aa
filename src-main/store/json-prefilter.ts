import type { JsonPredicate } from '@shared/trace/message-filter';

/**
 * A JSON equality predicate prefiltered by the payloads' FTS index (issue 6). In JSON text
 * without a backslash escape or an exponent, a value equal to the literal is written with the
 * literal's own tokens (a string's words in order; a number's integer digits), so the FTS
 * index finds every candidate; the real predicate then decides. Payloads that could hide the
 * value (escapes like `\u0041`, numbers like `4.2e1`) are noted apart by the FTS catch-up
 * (`messages_json_irregular`) and always read. Ranges and `!=` have no token to look for.
 */

/** True for payload bytes whose JSON values may not show as their own tokens. */
export const IRREGULAR_JSON_SQL =
  "instr(payload, X'5C') > 0 OR CAST(payload AS TEXT) GLOB '*[0-9][eE][-+0-9]*'";

const phrase = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/** FTS5's unicode61 tokenizer keeps letters, numbers and private-use characters. */
const HAS_TOKEN = /[\p{L}\p{N}\p{Co}]/u;

/** Token queries one value can be written with; null when the value has no token to look for. */
function tokensFor(value: JsonPredicate['value']): string[] | null {
  if (value === null) return ['null'];
  // SQLite's JSON functions read true and false as 1 and 0, which compare equal to those numbers
  // (and so to 0.99999999999999999999, written with a 0).
  if (typeof value === 'boolean') return tokensFor(Number(value));
  if (typeof value === 'string') return HAS_TOKEN.test(value) ? [value] : null;
  if (!Number.isFinite(value) || Math.abs(value) >= Number.MAX_SAFE_INTEGER) return null;
  // Without an exponent a number equal to v shows its integer digits, or, for an integer v,
  // those of |v| - 1 (41.99999999999999999 reads as 42).
  const whole = Math.trunc(Math.abs(value));
  const out = [String(whole)];
  if (Number.isInteger(value) && whole >= 1) out.push(String(whole - 1));
  if (value === 1) out.push('true');
  if (value === 0) out.push('false');
  return out;
}

/**
 * The FTS5 query whose matches, with the irregular payloads, hold every message some `=`
 * predicate can be true for; null when no predicate gives one.
 */
export function jsonPrefilterQuery(predicates: readonly JsonPredicate[] | undefined): string | null {
  for (const p of predicates ?? []) {
    if (p.op !== '=') continue;
    const tokens = tokensFor(p.value);
    if (tokens) return tokens.map(phrase).join(' OR ');
  }
  return null;
}
