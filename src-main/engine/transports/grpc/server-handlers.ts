import * as grpc from '@grpc/grpc-js';
import type { UnaryMethod } from './load-proto';
import type { MethodBehaviour } from './method-behaviour';
import { ServerCall } from './server-call';
import type { ServerCallHooks } from './server-hooks';

/** A reply with its wire bytes (serialized once: grpc-js sends the bytes as they are). */
type Outcome = { reply: unknown; bytes: Buffer } | { code: grpc.status; details: string };
type Serialize = (value: unknown) => Buffer;
type Writable = grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>;

/** Everything a handler needs to know about the method it serves. */
export interface HandlerSpec {
  method: UnaryMethod;
  behaviour: MethodBehaviour;
  hooks: ServerCallHooks;
  /**
   * The method's response serializer: a reply that does not fit its type fails visibly,
   * and what it returns is what goes on the wire (the server's own serializer passes
   * those bytes through, see `passBytesThrough`).
   */
  serialize: Serialize;
}

/** Builds the grpc-js handler for `spec.method`, whichever of the four kinds it is. */
export function methodHandler(spec: HandlerSpec): grpc.UntypedHandleCall {
  const { method } = spec;
  if (method.requestStream && method.responseStream) return bidiHandler(spec);
  if (method.requestStream) return clientStreamHandler(spec);
  if (method.responseStream) return serverStreamHandler(spec);
  return unaryHandler(spec);
}

function unaryHandler({
  method,
  behaviour,
  hooks,
  serialize,
}: HandlerSpec): grpc.handleUnaryCall<unknown, unknown> {
  return (call, callback) => {
    const state = new ServerCall(call, method, behaviour, hooks, call.request);
    state.messageIn(call.request);
    void (async () => {
      if (!(await state.sleep(behaviour.delayMs))) return;
      const outcome = behaviour.fail ? failure(behaviour) : reply(state, serialize, call.request, 0);
      state.sendHeaders();
      if ('code' in outcome) {
        callback({ code: outcome.code, details: outcome.details, metadata: state.trailers() });
        state.end(outcome.code, outcome.details);
        return;
      }
      state.messageOut(outcome.reply);
      callback(null, outcome.bytes, state.trailers());
      state.end(grpc.status.OK, '');
    })();
  };
}

function serverStreamHandler(spec: HandlerSpec): grpc.handleServerStreamingCall<unknown, unknown> {
  const { method, behaviour, hooks } = spec;
  return (call) => {
    const state = new ServerCall(call, method, behaviour, hooks, call.request);
    state.messageIn(call.request);
    void (async () => {
      if (!(await state.sleep(behaviour.delayMs))) return;
      state.sendHeaders();
      if (!(await stream(spec, state, call, call.request, behaviour.items))) return;
      // "Fail after" at or past the item count: every item goes out, then the status.
      if (behaviour.fail) failStream(state, call, behaviour.fail.code, behaviour.fail.message);
      else finishStream(state, call);
    })();
  };
}

function clientStreamHandler({
  method,
  behaviour,
  hooks,
  serialize,
}: HandlerSpec): grpc.handleClientStreamingCall<unknown, unknown> {
  return (call, callback) => {
    const state = new ServerCall(call, method, behaviour, hooks);
    const requests: unknown[] = [];
    call.on('data', (request: unknown) => {
      requests.push(request);
      state.messageIn(request);
    });
    call.on('error', () => undefined); // a cancelled call; the 'cancelled' event records it
    call.on('end', () => {
      void (async () => {
        if (!(await state.sleep(behaviour.delayMs))) return;
        const last = requests.length > 0 ? requests[requests.length - 1] : {};
        const outcome = behaviour.fail ? failure(behaviour) : reply(state, serialize, last, 0, requests);
        state.sendHeaders();
        if ('code' in outcome) {
          callback({ code: outcome.code, details: outcome.details, metadata: state.trailers() });
          state.end(outcome.code, outcome.details);
          return;
        }
        state.messageOut(outcome.reply);
        callback(null, outcome.bytes, state.trailers());
        state.end(grpc.status.OK, '');
      })();
    });
  };
}

function bidiHandler(spec: HandlerSpec): grpc.handleBidiStreamingCall<unknown, unknown> {
  const { method, behaviour, hooks } = spec;
  return (call) => {
    const state = new ServerCall(call, method, behaviour, hooks);
    // Requests are answered one after another, each with its own delay and replies.
    let queue = Promise.resolve(true);
    call.on('data', (request: unknown) => {
      state.messageIn(request);
      queue = queue.then(async (going) => {
        if (!going || !(await state.sleep(behaviour.delayMs))) return false;
        state.sendHeaders();
        return stream(spec, state, call, request, behaviour.items);
      });
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      void queue.then((going) => {
        if (!going || state.cancelled) return;
        if (behaviour.fail) failStream(state, call, behaviour.fail.code, behaviour.fail.message);
        else finishStream(state, call);
      });
    });
  };
}

/**
 * Writes `items` replies to `request`, paced by the interval; fails the call instead once
 * the behaviour's "fail after" count is reached. False when the call is over (cancelled or
 * failed), true when the caller may go on.
 */
async function stream(
  { behaviour, serialize }: HandlerSpec,
  state: ServerCall,
  call: Writable,
  request: unknown,
  items: number,
): Promise<boolean> {
  for (let i = 0; i < items; i += 1) {
    if (state.cancelled) return false;
    if (behaviour.fail && state.sentCount >= behaviour.fail.after) {
      failStream(state, call, behaviour.fail.code, behaviour.fail.message);
      return false;
    }
    const outcome = reply(state, serialize, request, state.sentCount);
    if ('code' in outcome) {
      failStream(state, call, outcome.code, outcome.details);
      return false;
    }
    state.messageOut(outcome.reply);
    if (!call.write(outcome.bytes)) await drained(call, state);
    if (i < items - 1 && !(await state.sleep(behaviour.intervalMs))) return false;
  }
  return true;
}

function finishStream(state: ServerCall, call: Writable): void {
  if (state.cancelled) return;
  call.end(state.trailers());
  state.end(grpc.status.OK, '');
}

function failStream(state: ServerCall, call: Writable, code: grpc.status, details: string): void {
  if (state.cancelled) return;
  state.sendHeaders();
  // grpc-js turns an 'error' on a server stream into the call's status, with err.metadata as trailers.
  call.emit('error', { code, details, metadata: state.trailers() });
  state.end(code, details);
}

function failure(behaviour: MethodBehaviour): Outcome {
  const fail = behaviour.fail as NonNullable<MethodBehaviour['fail']>;
  return { code: fail.code, details: fail.message };
}

function reply(
  state: ServerCall,
  serialize: Serialize,
  request: unknown,
  index: number,
  requests?: readonly unknown[],
): Outcome {
  const behaviour = state.behaviour;
  let value: unknown;
  try {
    if (behaviour.reply === 'echo') value = request;
    else if (behaviour.render) value = behaviour.render(request, state.metadata, index, requests);
    else return { code: grpc.status.UNIMPLEMENTED, details: `no response template for ${state.method.name}` };
  } catch (err) {
    return { code: grpc.status.INTERNAL, details: `response template failed: ${(err as Error).message}` };
  }
  let bytes: Buffer;
  try {
    bytes = serialize(value);
  } catch (err) {
    return {
      code: grpc.status.INTERNAL,
      details: `reply does not fit ${state.method.responseType}: ${(err as Error).message}`,
    };
  }
  return { reply: value, bytes };
}

/**
 * The server's response serializer for a method whose handler serializes its replies
 * itself: their bytes go out as they are, so a reply is encoded once, not twice. (A reply
 * is always a message object, never a Buffer, so nothing else is mistaken for bytes.)
 */
export function passBytesThrough(serialize: Serialize): Serialize {
  return (value) => (Buffer.isBuffer(value) ? value : serialize(value));
}

function drained(call: Writable, state: ServerCall): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearInterval(poll);
      call.off('drain', done);
      resolve();
    };
    call.once('drain', done);
    // A cancelled call may never drain; stop waiting once it is.
    const poll = setInterval(() => state.cancelled && done(), 50);
  });
}
