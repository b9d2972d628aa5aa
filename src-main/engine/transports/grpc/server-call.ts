import * as grpc from '@grpc/grpc-js';
import { metadataFromRecord, metadataToRecord, type MetadataRecord } from './grpc-metadata';
import { statusName } from './grpc-status';
import type { UnaryMethod } from './load-proto';
import type { MethodBehaviour } from './method-behaviour';
import { methodKind } from './method-kind';
import type { ServerCallHooks } from './server-hooks';

/** The grpc-js call objects share these members whatever the method kind. */
type AnyServerCall = {
  metadata: grpc.Metadata;
  getPeer(): string;
  getDeadline(): grpc.Deadline;
  sendMetadata(metadata: grpc.Metadata): void;
  on(event: 'cancelled', listener: () => void): unknown;
};

let nextCallId = 1;
const DEADLINE_SLACK_MS = 200;
const DEADLINE_DETAILS = 'deadline exceeded before the service finished';

/**
 * One call being served: counts messages, reports them to the hooks, sends the initial
 * metadata once, stops timers when the client goes away, and reports the end exactly once.
 */
export class ServerCall {
  readonly id = nextCallId++;
  readonly startedAt = Date.now();
  readonly metadata: MetadataRecord;
  cancelled = false;
  private received = 0;
  private sent = 0;
  private headersSent = false;
  private ended = false;
  private wakers = new Set<() => void>();

  constructor(
    private readonly call: AnyServerCall,
    readonly method: UnaryMethod,
    readonly behaviour: MethodBehaviour,
    private readonly hooks: ServerCallHooks,
    request?: unknown,
  ) {
    this.metadata = metadataToRecord(call.metadata);
    safely(() =>
      hooks.onCallStart?.({
        callId: this.id,
        method,
        kind: methodKind(method),
        metadata: this.metadata,
        peer: call.getPeer(),
        request,
        startedAt: this.startedAt,
      }),
    );
    call.on('cancelled', () => {
      if (this.cancelled) return;
      this.cancelled = true;
      for (const wake of this.wakers) wake();
      // The client gives up at its deadline a moment before ours (it started counting first).
      const late = this.deadlineWithin(DEADLINE_SLACK_MS);
      this.end(
        late ? grpc.status.DEADLINE_EXCEEDED : grpc.status.CANCELLED,
        late ? DEADLINE_DETAILS : 'cancelled by the client',
      );
    });
  }

  /** Records a message from the client; returns its index. */
  messageIn(message: unknown): number {
    const index = this.received++;
    safely(() =>
      this.hooks.onMessage?.({
        callId: this.id,
        method: this.method,
        direction: 'in',
        message,
        index,
        at: Date.now(),
      }),
    );
    return index;
  }

  /** Records a reply about to go out; returns its index. */
  messageOut(message: unknown): number {
    const index = this.sent++;
    safely(() =>
      this.hooks.onMessage?.({
        callId: this.id,
        method: this.method,
        direction: 'out',
        message,
        index,
        at: Date.now(),
      }),
    );
    return index;
  }

  /** Replies sent so far. */
  get sentCount(): number {
    return this.sent;
  }

  /** Sends the configured initial metadata, once, before the first reply or the status. */
  sendHeaders(): void {
    if (this.headersSent || this.cancelled) return;
    this.headersSent = true;
    if (Object.keys(this.behaviour.metadata).length > 0)
      this.call.sendMetadata(metadataFromRecord(this.behaviour.metadata, 'initial metadata'));
  }

  trailers(): grpc.Metadata {
    return metadataFromRecord(this.behaviour.trailers, 'trailing metadata');
  }

  /** Waits `ms`, returning early (false) if the client cancels meanwhile. */
  sleep(ms: number): Promise<boolean> {
    if (this.cancelled) return Promise.resolve(false);
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve(false);
      };
      const timer = setTimeout(() => {
        this.wakers.delete(wake);
        resolve(!this.cancelled);
      }, ms);
      this.wakers.add(wake);
    });
  }

  /** True when the call's deadline (if any) is at most `slackMs` away or past. */
  deadlineWithin(slackMs: number): boolean {
    const deadline = this.call.getDeadline();
    const at = deadline instanceof Date ? deadline.getTime() : deadline;
    return Number.isFinite(at) && at - Date.now() <= slackMs;
  }

  /** Reports the call's end to the hooks (only the first time). */
  end(code: number, details: string): void {
    if (this.ended) return;
    this.ended = true;
    // grpc-js answers DEADLINE_EXCEEDED itself when its timer fires; a late reply is dropped.
    if (code === grpc.status.OK && this.deadlineWithin(0)) {
      code = grpc.status.DEADLINE_EXCEEDED;
      details = DEADLINE_DETAILS;
    }
    safely(() =>
      this.hooks.onCallEnd?.({
        callId: this.id,
        method: this.method,
        code,
        codeName: statusName(code),
        details,
        durationMs: Date.now() - this.startedAt,
        received: this.received,
        sent: this.sent,
        metadata: this.headersSent ? this.behaviour.metadata : {},
        trailers: this.behaviour.trailers,
      }),
    );
  }
}

/** A hook that throws must not take the server down or change the call's outcome. */
function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // The recorder is the hook's owner; nothing sensible to do here.
  }
}
