import {
  requests,
  type ApiErrorPayload,
  type EventName,
  type EventPayloads,
  type ParsedInput,
  type RequestName,
  type RequestOutput,
} from '@shared/api/contract';

/** A handler for every request of the contract, receiving input already parsed. */
export type ApiHandlers = {
  [N in RequestName]: (input: ParsedInput<N>) => Promise<RequestOutput<N>>;
};

/** Pushes one event to whoever is listening (Electron window or WebSocket clients). */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorPayload };

/**
 * The single border of the API: looks up the request, parses its input with the
 * contract's schema, then runs the handler. Both transports call only this.
 */
export async function dispatchRequest(
  handlers: ApiHandlers,
  name: unknown,
  rawInput: unknown,
): Promise<DispatchResult> {
  if (typeof name !== 'string' || !Object.hasOwn(requests, name)) {
    return {
      ok: false,
      error: { code: 'unknown-request', message: `unknown request ${String(name).slice(0, 80)}` },
    };
  }
  const requestName = name as RequestName;
  const parsed = requests[requestName].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    return { ok: false, error: { code: 'invalid-input', message: `${requestName}: ${detail}` } };
  }
  try {
    const handler = handlers[requestName] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    return {
      ok: false,
      error: { code: 'failed', message: err instanceof Error ? err.message : String(err) },
    };
  }
}
