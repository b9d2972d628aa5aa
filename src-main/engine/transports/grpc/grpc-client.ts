import * as grpc from '@grpc/grpc-js';
import { channelCredentials, type ClientTls } from './client-tls';
import { countedClientConstructor, type OnMessageBytes } from './counted-client';
import { metadataFromRecord, metadataToRecord, type MetadataRecord } from './grpc-metadata';
import { statusName } from './grpc-status';
import type { LoadedService, UnaryMethod } from './load-proto';

/** Where a client calls: a service of the flow (127.0.0.1:port) or any host:port, optionally over TLS. */
export interface GrpcTarget {
  address: string;
  tls?: ClientTls;
}

/** One call; the same shape for all four method kinds. */
export interface GrpcCallOptions {
  /** Every call has one; past it the call ends DEADLINE_EXCEEDED. */
  deadlineMs: number;
  /** Request metadata; put the traceparent here. */
  metadata?: MetadataRecord;
  /** Builds request `index` (0-based). Unary and server-streaming calls send request 0 only. */
  request: (index: number) => unknown;
  /** Requests sent on client-streaming and bidirectional calls (default 1). */
  count?: number;
  /** Between streamed requests (default 0). */
  intervalMs?: number;
  /** Each message as it goes out or comes in. Exceptions thrown here are contained. */
  onMessage?: (message: { direction: 'in' | 'out'; message: unknown; index: number; at: number }) => void;
  /** Cancels the call (status CANCELLED). */
  signal?: AbortSignal;
}

/** How a call ended. gRPC failures are results, not exceptions. */
export interface GrpcCallResult {
  method: UnaryMethod;
  ok: boolean;
  code: number;
  codeName: string;
  details: string;
  startedAt: number;
  durationMs: number;
  sent: number;
  responses: unknown[];
  /** Initial metadata from the server. */
  headers: MetadataRecord;
  trailers: MetadataRecord;
}

export interface GrpcServiceClient {
  readonly address: string;
  call(methodName: string, options: GrpcCallOptions): Promise<GrpcCallResult>;
  close(): void;
}

type StubFn = (
  ...args: unknown[]
) => grpc.ClientUnaryCall & Partial<grpc.ClientDuplexStream<unknown, unknown>>;

/**
 * A channel to `target` for `service`'s methods; close it when the run stops. `onBytes`,
 * when given, is told the encoded size of every message sent and received.
 */
export function createGrpcClient(
  service: LoadedService,
  target: GrpcTarget,
  onBytes?: OnMessageBytes,
): GrpcServiceClient {
  if (!/^(\[[0-9a-fA-F:]+\]|[^\s/:]+):\d{1,5}$/.test(target.address))
    throw new Error(`gRPC address "${target.address}" must be host:port`);
  const { credentials, options } = channelCredentials(target.tls);
  const Client = onBytes ? countedClientConstructor(service, onBytes) : service.Client;
  const stub = new Client(target.address, credentials, options);
  return {
    address: target.address,
    call: (methodName, callOptions) => {
      const method = service.methods.find((m) => m.name === methodName);
      if (!method) {
        const names = service.methods.map((m) => m.name).join(', ');
        return Promise.reject(new Error(`${service.fullName} has no method ${methodName} (it has ${names})`));
      }
      if (!(callOptions.deadlineMs > 0) || !Number.isFinite(callOptions.deadlineMs))
        return Promise.reject(
          new Error(`every gRPC call needs a deadline; got ${callOptions.deadlineMs} ms`),
        );
      const fn = (stub as unknown as Record<string, StubFn>)[method.name].bind(stub);
      return callMethod(fn, method, callOptions);
    },
    close: () => stub.close(),
  };
}

function callMethod(fn: StubFn, method: UnaryMethod, o: GrpcCallOptions): Promise<GrpcCallResult> {
  const metadata = metadataFromRecord(o.metadata, 'call metadata');
  const startedAt = Date.now();
  const callOptions: grpc.CallOptions = { deadline: startedAt + o.deadlineMs };
  const responses: unknown[] = [];
  let headers: MetadataRecord = {};
  let sent = 0;
  const notify = (direction: 'in' | 'out', message: unknown, index: number): void => {
    try {
      o.onMessage?.({ direction, message, index, at: Date.now() });
    } catch {
      // The caller's recorder owns this; a failure there must not change the call.
    }
  };
  const received = (message: unknown): void => {
    responses.push(message);
    notify('in', message, responses.length - 1);
  };
  const first = (): unknown => {
    const request = o.request(0);
    sent = 1;
    notify('out', request, 0);
    return request;
  };

  let buildError: Error | undefined;
  return new Promise<GrpcCallResult>((resolve, reject) => {
    let call: ReturnType<StubFn>;
    const onReply = (err: grpc.ServiceError | null, value?: unknown): void => {
      if (!err) received(value);
    };
    if (!method.requestStream && !method.responseStream) call = fn(first(), metadata, callOptions, onReply);
    else if (!method.requestStream) call = fn(first(), metadata, callOptions);
    else if (!method.responseStream) call = fn(metadata, callOptions, onReply);
    else call = fn(metadata, callOptions);

    let done = false;
    const abort = (): void => call.cancel();
    o.signal?.addEventListener('abort', abort, { once: true });
    call.on('metadata', (m: grpc.Metadata) => {
      headers = metadataToRecord(m);
    });
    if (method.responseStream) call.on('data', received);
    // Streams also emit 'error' for a non-OK status; the 'status' event below records it.
    call.on('error', () => undefined);
    call.on('status', (status: grpc.StatusObject) => {
      done = true;
      o.signal?.removeEventListener('abort', abort);
      if (buildError) {
        reject(buildError);
        return;
      }
      resolve({
        method,
        ok: status.code === grpc.status.OK,
        code: status.code,
        codeName: statusName(status.code),
        details: status.details,
        startedAt,
        durationMs: Date.now() - startedAt,
        sent,
        responses,
        headers,
        trailers: metadataToRecord(status.metadata),
      });
    });
    if (o.signal?.aborted) abort();
    if (method.requestStream) {
      void writeRequests(
        call as unknown as grpc.ClientWritableStream<unknown>,
        o,
        () => done,
        (i, r) => {
          sent = i + 1;
          notify('out', r, i);
        },
      ).catch((err: Error) => {
        buildError = err;
        call.cancel();
      });
    }
  });
}

/**
 * Sends `count` requests at the interval, then half-closes; stops early once the call has
 * ended. Rejects (and the call is cancelled) when a request cannot be built.
 */
async function writeRequests(
  call: grpc.ClientWritableStream<unknown>,
  o: GrpcCallOptions,
  isDone: () => boolean,
  onSent: (index: number, request: unknown) => void,
): Promise<void> {
  const count = o.count ?? 1;
  for (let i = 0; i < count; i += 1) {
    if (isDone()) return;
    if (i > 0 && (o.intervalMs ?? 0) > 0) await new Promise((r) => setTimeout(r, o.intervalMs));
    if (isDone()) return;
    let request: unknown;
    try {
      request = o.request(i);
    } catch (err) {
      throw new Error(`request ${i} could not be built: ${(err as Error).message}`);
    }
    onSent(i, request);
    if (!call.write(request)) await new Promise<void>((r) => call.once('drain', () => r()));
  }
  if (!isDone()) call.end();
}
