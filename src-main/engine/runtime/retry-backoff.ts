/** The longest a failed delivery is held before it is requeued. */
export const MAX_BACKOFF_MS = 30_000;
/** Messages whose failures are remembered at most (oldest forgotten first). */
const REMEMBERED = 10_000;

/**
 * Exponential backoff per message for a consumer's retries: the first failure of a message
 * waits `baseMs`, each further failure of the same message twice as long, up to 30 s.
 * Messages are told apart by their trace id, which survives requeueing and dead-lettering.
 */
export class RetryBackoff {
  private readonly failures = new Map<string, number>();

  constructor(private readonly baseMs: number) {}

  /** Counts a failure of this message and returns how long to hold it before requeueing. */
  next(messageKey: string | undefined): number {
    if (this.baseMs <= 0) return 0;
    if (messageKey === undefined) return this.baseMs;
    const failed = (this.failures.get(messageKey) ?? 0) + 1;
    this.failures.delete(messageKey);
    this.failures.set(messageKey, failed);
    if (this.failures.size > REMEMBERED) this.failures.delete(this.failures.keys().next().value as string);
    return Math.min(MAX_BACKOFF_MS, this.baseMs * 2 ** (failed - 1));
  }

  /** The message was handled: its next failure (after a redrive, say) starts from the base again. */
  forget(messageKey: string | undefined): void {
    if (messageKey !== undefined) this.failures.delete(messageKey);
  }
}
