import type { RawData, WebSocket } from 'ws';
import type { ApiErrorPayload, EventName, EventPayloads } from '@shared/api/contract';
import { dispatchRequest, type ApiHandlers, type DispatchResult } from '../engine/api/dispatch';

/** Request ids are echoed back verbatim, so they are kept short and simple. */
type RequestId = string | number | null;

/** A reply frame: exactly one per request frame, even a malformed one (then `id` may be null). */
export type SocketReply = { id: RequestId } & DispatchResult;

function refuse(id: RequestId, message: string): SocketReply {
  const error: ApiErrorPayload = { code: 'invalid-input', message };
  return { id, ok: false, error };
}

function readId(value: unknown): RequestId | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.length <= 128) return value;
  return undefined;
}

/**
 * Answers one text frame `{id, name, input}` through `dispatchRequest` (which parses the
 * input with the contract's schema). Never throws: bad JSON or a bad frame shape gets an
 * `invalid-input` reply instead.
 */
export async function answerSocketMessage(handlers: ApiHandlers, text: string): Promise<SocketReply> {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return refuse(null, 'malformed JSON');
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) {
    return refuse(null, 'a request frame must be an object {id, name, input}');
  }
  const { id: rawId, name, input } = frame as Record<string, unknown>;
  const id = readId(rawId);
  if (id === undefined)
    return refuse(null, 'a request frame needs an id (number or string of at most 128 characters)');
  return { id, ...(await dispatchRequest(handlers, name, input)) };
}

/** Serializes an event push frame `{event, payload}` once, for sending to every client. */
export function encodeEvent<E extends EventName>(event: E, payload: EventPayloads[E]): string {
  return JSON.stringify({ event, payload });
}

function encodeReply(reply: SocketReply): string {
  try {
    return JSON.stringify(reply);
  } catch (err) {
    // A value JSON cannot carry (a BigInt, a cycle) must still produce an answer.
    const message = `reply not serializable: ${err instanceof Error ? err.message : String(err)}`;
    return JSON.stringify({ id: reply.id, ok: false, error: { code: 'failed', message } });
  }
}

/**
 * Serves the API on one accepted socket: each text frame is answered independently
 * (slow requests do not block fast ones); binary frames are refused.
 */
export function attachApiSocket(socket: WebSocket, handlers: ApiHandlers): void {
  socket.on('message', (data: RawData, isBinary: boolean) => {
    const pending = isBinary
      ? Promise.resolve(refuse(null, 'binary frames are not part of the API'))
      : answerSocketMessage(handlers, rawToText(data));
    void pending.then((reply) => {
      if (socket.readyState === socket.OPEN) socket.send(encodeReply(reply));
    });
  });
  // Without a listener an 'error' event would crash the process; ws closes the socket itself.
  socket.on('error', () => undefined);
}

function rawToText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
