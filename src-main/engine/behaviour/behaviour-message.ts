import type { MessageView } from '@shared/flow/expressions/json-path';
import type { TraceContext } from '../trace/traceparent';

/** A message as behaviour steps see it; `json` is the parsed payload when already known. */
export interface BehaviourMessage {
  key?: string;
  headers: Record<string, string>;
  payload: Buffer;
  /** The payload parsed as JSON, when known (so it is parsed once per hop). */
  json?: unknown;
  /** Set by a route step: the output (router handle or connected node) the message leaves by. */
  output?: string;
  /** The span of the hop that handled it, carried along so the next hop joins its trace. */
  trace?: TraceContext | null;
}

/**
 * A behaviour that cannot run: names the node, the field (`behaviours[2].template`) and why.
 * Payload text quoted in `reason` is untrusted: render as text.
 */
export class BehaviourError extends Error {
  constructor(
    readonly nodeId: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`node "${nodeId}", ${field}: ${reason}`);
  }
}

/** Thrown by a step that needs a JSON payload when the payload is not JSON. */
export class NotJsonError extends Error {}

/** The payload as JSON; throws NotJsonError (with the parser's reason) when it is not JSON. */
export function payloadJson(message: BehaviourMessage): unknown {
  if (message.json !== undefined) return message.json;
  try {
    message.json = JSON.parse(message.payload.toString('utf8')) as unknown;
    return message.json;
  } catch (err) {
    const size = message.payload.length;
    throw new NotJsonError(
      size === 0 ? 'the payload is empty, not JSON' : `the payload is not JSON (${(err as Error).message})`,
    );
  }
}

/** The payload as JSON when it is JSON, else as UTF-8 text (for steps that carry payloads along). */
export function jsonOrText(message: BehaviourMessage): unknown {
  try {
    return payloadJson(message);
  } catch {
    return message.payload.toString('utf8');
  }
}

/** What paths and predicates read from a message. */
export function viewOf(message: BehaviourMessage): MessageView {
  return { key: message.key, headers: message.headers, json: () => payloadJson(message) };
}

/**
 * A new message with `payload`, carrying key, output and trace over from `base`. Nothing else
 * is copied: fields a runtime keeps about the old payload (a stored message id) must not
 * follow a payload that changed.
 */
export function withPayload(
  base: BehaviourMessage,
  payload: Buffer,
  json: unknown,
  headers = base.headers,
): BehaviourMessage {
  const out: BehaviourMessage = { headers, payload };
  if (json !== undefined) out.json = json;
  if (base.key !== undefined) out.key = base.key;
  if (base.output !== undefined) out.output = base.output;
  if (base.trace !== undefined) out.trace = base.trace;
  return out;
}

/** `base` with a new JSON payload (see withPayload). */
export function withJson(base: BehaviourMessage, value: unknown, headers = base.headers): BehaviourMessage {
  return withPayload(base, Buffer.from(JSON.stringify(value) ?? 'null'), value, headers);
}
