import type { FormattedExecutionResult } from 'graphql';

/** One operation as served: what was asked, what came back, how long it took. */
export interface GraphqlOperationEvent {
  operationId: string;
  transport: 'http' | 'ws';
  operationName: string | null;
  /** null when the document did not parse or named no operation. */
  operationType: 'query' | 'mutation' | 'subscription' | null;
  query: string;
  variables: Record<string, unknown>;
  traceparent?: string;
  /** A subscription's result is `{}` once it is established, or its errors when it could not be. */
  result: FormattedExecutionResult;
  durationMs: number;
}

/** One event a subscription sent to its client. */
export interface GraphqlSubscriptionEvent {
  operationId: string;
  /** The subscription's root field, e.g. `orderPlaced`. */
  field: string | null;
  traceparent?: string;
  /** For an event published with its trace (TracedEvent): the span it came from… */
  sourceTraceparent?: string;
  /** …and the child span sent to this subscriber in `extensions.traceparent`. */
  sentTraceparent?: string;
  result: FormattedExecutionResult;
}

export interface GraphqlServerHooks {
  onOperation?(event: GraphqlOperationEvent): void;
  onSubscriptionEvent?(event: GraphqlSubscriptionEvent): void;
  /** The subscription ended: the client completed it, disconnected, or the source finished. */
  onSubscriptionEnd?(event: { operationId: string; field: string | null }): void;
}

/** Calls a recording hook; a throw in the runtime's hook must not break the operation. */
export function safely(action: () => void): void {
  try {
    action();
  } catch {
    // The hook's owner reports its own failures.
  }
}

/**
 * Wraps an event iterator so each item and the end are reported. `return()` goes straight
 * to the source (an async generator would queue it behind a pending `next()`), so a
 * client's unsubscribe frees the source at once.
 */
export function reportEach<T>(
  source: AsyncIterable<T>,
  onItem: (item: T) => void,
  onEnd: () => void,
): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    safely(onEnd);
  };
  const wrapper: AsyncIterableIterator<T> = {
    async next() {
      try {
        const result = await iterator.next();
        if (result.done) end();
        else safely(() => onItem(result.value));
        return result;
      } catch (err) {
        end();
        throw err;
      }
    },
    async return(value?: unknown) {
      end();
      return iterator.return ? iterator.return(value) : { done: true, value: undefined };
    },
    async throw(err?: unknown) {
      end();
      if (iterator.throw) return iterator.throw(err);
      throw err;
    },
    [Symbol.asyncIterator]() {
      return wrapper;
    },
  };
  return wrapper;
}
