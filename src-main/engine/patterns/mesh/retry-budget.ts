/**
 * A retry budget: retries may add at most `ratio` of the calls made so far (plus a small
 * floor so the first failures can retry), so a failing upstream is not hammered by every
 * caller retrying every call. Per-call attempts are capped separately by the policy.
 */
export class RetryBudget {
  private calls = 0;
  private retries = 0;

  constructor(
    private readonly ratio = 0.2,
    private readonly floor = 3,
  ) {}

  /** Counts one original call. */
  recordCall(): void {
    this.calls += 1;
  }

  /** Takes a retry from the budget; false when the budget is spent. */
  tryRetry(): boolean {
    if (this.retries >= this.floor + this.calls * this.ratio) return false;
    this.retries += 1;
    return true;
  }

  get spent(): { calls: number; retries: number } {
    return { calls: this.calls, retries: this.retries };
  }
}
