import type Database from 'better-sqlite3';
import {
  messageFilterSchema,
  type MessageFilter,
  type MessagePageRow,
} from '../../src-shared/trace/message-filter';
import { createFtsIndexer } from './fts-indexer';
import { buildPageQuery, hiddenRunsReader, toPageRow, type PageDbRow } from './message-page-sql';
import { createStatusReader } from './message-query';

/** One exported message: the browser's row plus headers and the payload. */
export interface ExportedMessage extends MessagePageRow {
  headers: Record<string, string>;
  /** `utf8`: payload is the text; `base64`: the bytes were not valid UTF-8. */
  payloadEncoding: 'utf8' | 'base64';
  payload: string;
}

interface ExportDbRow extends PageDbRow {
  headers: string | null;
  payload: Buffer | null;
}

/** Reads the filtered set for an export in keyset chunks, newest first. */
export interface MessageExportReader {
  /** How many messages match (for progress); may take a moment on a large, unindexed filter. */
  count(filter: MessageFilter): number;
  /**
   * Up to `limit` matching messages with `id < beforeId`, streamed from SQLite row by row
   * (`.iterate()`). Consume it fully before the next call on this connection.
   */
  chunk(filter: MessageFilter, beforeId: number, limit: number): IterableIterator<ExportedMessage>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function payloadOf(bytes: Buffer | null): Pick<ExportedMessage, 'payload' | 'payloadEncoding'> {
  if (!bytes || bytes.length === 0) return { payload: '', payloadEncoding: 'utf8' };
  try {
    return { payload: utf8.decode(bytes), payloadEncoding: 'utf8' };
  } catch {
    return { payload: bytes.toString('base64'), payloadEncoding: 'base64' };
  }
}

function headersOf(text: string | null): Record<string, string> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function createMessageExportReader(db: Database.Database): MessageExportReader {
  const statusesOf = createStatusReader(db);
  const fts = createFtsIndexer(db);
  const hiddenRuns = hiddenRunsReader(db);
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let st = cache.get(sql);
    if (!st) {
      st = db.prepare(sql);
      cache.set(sql, st);
    }
    return st;
  };
  const parse = (filter: MessageFilter): MessageFilter => messageFilterSchema.parse(filter);
  return {
    count(filter) {
      const f = parse(filter);
      if (f.text !== undefined && !db.readonly) fts.catchUp();
      const { sql, binds } = buildPageQuery(f, Number.MAX_SAFE_INTEGER, 0, -1, undefined, hiddenRuns());
      return prepare(`SELECT count(*) FROM (${sql})`).pluck().get(binds) as number;
    },
    *chunk(filter, beforeId, limit) {
      const f = parse(filter);
      if (f.text !== undefined && !db.readonly) fts.catchUp();
      const { sql, binds } = buildPageQuery(f, beforeId, 0, limit, undefined, hiddenRuns());
      const st = prepare(
        `SELECT p.*, x.headers, x.payload FROM (${sql}) p JOIN messages x ON x.id = p.id ORDER BY p.id DESC`,
      );
      for (const r of st.iterate(binds) as IterableIterator<ExportDbRow>) {
        yield {
          ...toPageRow(r, statusesOf(r.trace_id)),
          headers: headersOf(r.headers),
          ...payloadOf(r.payload),
        };
      }
    },
  };
}
