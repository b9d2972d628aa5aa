import type { MessageEdit } from '@shared/api/replay-requests';
import type { StoredMessage } from '../../store/replay-table';
import { TRACEPARENT } from '../trace/traceparent';

/** One message as a replay will send it: the original, and what goes out after edits. */
export interface ReplayItem {
  original: StoredMessage;
  key: string | null;
  headers: Record<string, string>;
  payload: Buffer;
  edited: boolean;
}

/** Edits by message id, plus headers set (string) or removed (null) on every message. */
export interface ReplayEdits {
  byId: Map<number, MessageEdit>;
  headers?: Record<string, string | null>;
}

export function indexEdits(
  edits: MessageEdit[] | undefined,
  headers?: Record<string, string | null>,
): ReplayEdits {
  return { byId: new Map((edits ?? []).map((e) => [e.messageId, e])), headers };
}

/**
 * Applies the edits to one recorded message. The recorded traceparent is always dropped:
 * the replay gets a trace of its own, linked to the original in the store.
 */
export function toReplayItem(m: StoredMessage, edits: ReplayEdits): ReplayItem {
  const edit = edits.byId.get(m.id);
  let headers = edit?.headers ? { ...edit.headers } : { ...m.headers };
  let edited = edit?.headers !== undefined && !sameHeaders(edit.headers, withoutTrace(m.headers));
  for (const [name, value] of Object.entries(edits.headers ?? {})) {
    if (value === null) {
      if (name in headers) edited = true;
      delete headers[name];
    } else {
      if (headers[name] !== value) edited = true;
      headers[name] = value;
    }
  }
  headers = withoutTrace(headers);
  let payload = m.payload;
  if (edit?.payloadText !== undefined) {
    payload = Buffer.from(edit.payloadText, 'utf8');
    if (!payload.equals(m.payload)) edited = true;
  }
  return { original: m, key: m.key, headers, payload, edited };
}

function withoutTrace(h: Record<string, string>): Record<string, string> {
  if (!(TRACEPARENT in h)) return h;
  const copy = { ...h };
  delete copy[TRACEPARENT];
  return copy;
}

function sameHeaders(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
