import type { Closable, PartitionLag, TopicTransport } from './transport';

/** What to poll and where the readings go. */
export interface LagPollOptions {
  topic: string;
  groupId: string;
  intervalMs: number;
  onLag: (rows: PartitionLag[]) => void;
  /** A failed reading (broker away, topic deleted); polling goes on. */
  onError?: (error: unknown) => void;
}

/**
 * Reads a group's lag every `intervalMs` until closed. Readings never overlap: the next
 * one is scheduled when the previous settles, so a slow broker slows the poll instead of
 * piling requests up. `close()` resolves once no reading is in flight.
 */
export function pollLag(transport: Pick<TopicTransport, 'lag'>, options: LagPollOptions): Closable {
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  let closed = false;
  const tick = (): void => {
    inFlight = transport
      .lag({ topic: options.topic, groupId: options.groupId })
      .then(
        (rows) => {
          if (!closed) options.onLag(rows);
        },
        (error: unknown) => {
          if (!closed) options.onError?.(error);
        },
      )
      .finally(() => {
        inFlight = undefined;
        if (!closed) timer = setTimeout(tick, options.intervalMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async close(): Promise<void> {
      closed = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
