/** The SQLite result code on an error thrown by better-sqlite3 (`SQLITE_BUSY`, …), if any. */
export function sqliteCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True when SQLite says the file is not a database or is damaged. */
export function isNotADatabase(err: unknown): boolean {
  const code = sqliteCode(err);
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

// Failures that may pass: locks, a full or flaky disk. Anything else (a constraint, a bad
// bind value) fails again on every retry.
const TRANSIENT = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|PROTOCOL|NOMEM)/;

/** True when retrying the same write later may succeed. */
export function isTransient(err: unknown): boolean {
  return TRANSIENT.test(sqliteCode(err) ?? '');
}

/** Anything thrown, as an Error. */
export function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
