import type { CompiledSagaCall } from '../compiler/compile-saga';
import { createGrpcClient, type GrpcServiceClient } from '../transports/grpc/grpc-client';
import { HttpCallError } from '../transports/http/http-call-error';
import { createRestClient, type RestClient } from '../transports/http/rest-client';
import { formatTraceparent, TRACEPARENT, type TraceContext } from '../trace/traceparent';

/** How one saga call ended. `uncertain`: no answer came, so the service may have acted. */
export interface SagaCallOutcome {
  ok: boolean;
  uncertain: boolean;
  /** The service's error or the reason no answer came. Untrusted text. */
  error?: string;
  /** `HTTP 201`, `OK`: a short note for the saga's history. */
  detail?: string;
  /** The request as sent (JSON text), for the trace. */
  request: string;
}

/** What one call needs besides the compiled step. */
export interface SagaCallRequest {
  call: CompiledSagaCall;
  /** Where the target service answers in this run: a base URL or host:port; null when it is not up. */
  address: string | null;
  sagaId: string;
  /** The saga's input (the message that started it). */
  input: unknown;
  /** The call's own span, sent as traceparent so the service's span joins the saga's trace. */
  span: TraceContext | null;
  /** What is left of the step's timeout when the call starts (an injected delay may have used some). */
  timeoutMs: number;
  /** The step's configured timeout, named in the error so the user recognises their setting. */
  stepTimeoutMs: number;
  seq: number;
}

/**
 * Makes saga calls to the REST and gRPC services of a run, one client per service (kept
 * alive across calls). The request is the saga's input with `sagaId` added, so services can
 * make actions and compensations idempotent by saga; REST paths may read `{{saga.id}}` and
 * `{{input.field}}`. A call with no answer by the step timeout is uncertain.
 */
export class SagaCaller {
  private readonly rest = new Map<string, RestClient>();
  private readonly grpc = new Map<string, GrpcServiceClient>();

  async call(r: SagaCallRequest): Promise<SagaCallOutcome> {
    const fields =
      r.input && typeof r.input === 'object' && !Array.isArray(r.input) ? r.input : { input: r.input };
    const body = { ...fields, sagaId: r.sagaId };
    const request = JSON.stringify(body);
    if (!r.address)
      return { ok: false, uncertain: false, error: `${r.call.label}: the service is not running`, request };
    const traceparent = r.span ? formatTraceparent(r.span) : undefined;
    return r.call.protocol === 'http'
      ? this.callRest(r, r.address, request, traceparent)
      : this.callGrpc(r, r.address, body, request, traceparent);
  }

  private async callRest(
    r: SagaCallRequest,
    baseUrl: string,
    request: string,
    traceparent: string | undefined,
  ): Promise<SagaCallOutcome> {
    const call = r.call;
    if (call.protocol !== 'http') throw new Error('not a REST call');
    let client = this.rest.get(baseUrl);
    if (!client) {
      client = createRestClient({ baseUrl });
      this.rest.set(baseUrl, client);
    }
    const path = call.path.render(r.seq, { saga: { id: r.sagaId }, input: r.input });
    const withBody = call.method === 'POST' || call.method === 'PUT' || call.method === 'PATCH';
    try {
      const res = await client.call({
        method: call.method,
        url: path,
        body: withBody ? request : undefined,
        traceparent,
        timeoutMs: r.timeoutMs,
      });
      const detail = `HTTP ${res.status}`;
      if (res.status < 400) return { ok: true, uncertain: false, detail, request };
      const text = res.body.toString('utf8').slice(0, 500);
      return {
        ok: false,
        uncertain: false,
        detail,
        error: `${call.method} ${path} answered ${detail}${text ? `: ${text}` : ''}`,
        request,
      };
    } catch (err) {
      const timedOut = err instanceof HttpCallError && err.failure === 'timeout';
      return {
        ok: false,
        uncertain: timedOut,
        error: timedOut
          ? `step timed out after ${r.stepTimeoutMs} ms (${call.method} ${path})`
          : (err as Error).message,
        request,
      };
    }
  }

  private async callGrpc(
    r: SagaCallRequest,
    address: string,
    body: unknown,
    request: string,
    traceparent: string | undefined,
  ): Promise<SagaCallOutcome> {
    const call = r.call;
    if (call.protocol !== 'grpc') throw new Error('not a gRPC call');
    let client = this.grpc.get(address);
    if (!client) {
      client = createGrpcClient(call.service, { address });
      this.grpc.set(address, client);
    }
    const result = await client.call(call.method, {
      deadlineMs: r.timeoutMs,
      metadata: traceparent ? { [TRACEPARENT]: traceparent } : {},
      request: () => body,
    });
    if (result.ok) return { ok: true, uncertain: false, detail: result.codeName, request };
    const timedOut = result.codeName === 'DEADLINE_EXCEEDED';
    return {
      ok: false,
      uncertain: timedOut,
      detail: result.codeName,
      error: timedOut
        ? `step timed out after ${r.stepTimeoutMs} ms (${call.method})`
        : `${call.method} answered ${result.codeName}${result.details ? `: ${result.details}` : ''}`,
      request,
    };
  }

  async close(): Promise<void> {
    for (const c of this.grpc.values()) c.close();
    await Promise.all([...this.rest.values()].map((c) => c.close()));
    this.rest.clear();
    this.grpc.clear();
  }
}
