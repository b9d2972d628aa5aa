/** The three states of a circuit breaker, as the canvas shows them on the edge. */
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerSettings {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call is let through. */
  openMs: number;
}

/**
 * A circuit breaker: closed lets calls through and counts consecutive failures; at the
 * threshold it opens and refuses calls at once; after `openMs` it lets one trial call through
 * (half-open), which closes it on success or opens it again on failure. Time is passed in.
 */
export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(
    private readonly settings: BreakerSettings,
    /** Told of every change of state (the run shows it live on the edge). */
    private readonly onChange: (state: BreakerState) => void = () => undefined,
  ) {}

  /** The state at `nowMs` (an open circuit whose time is up reads half-open). */
  state(nowMs: number): BreakerState {
    if (this.current === 'open' && nowMs - this.openedAt >= this.settings.openMs) this.set('half-open');
    return this.current;
  }

  /** Whether a call may go now; in half-open only one trial call goes at a time. */
  allow(nowMs: number): boolean {
    const s = this.state(nowMs);
    if (s === 'closed') return true;
    if (s === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success(): void {
    this.trialInFlight = false;
    this.failures = 0;
    if (this.current !== 'closed') this.set('closed');
  }

  failure(nowMs: number): void {
    this.trialInFlight = false;
    this.failures += 1;
    if (
      this.current === 'half-open' ||
      (this.current === 'closed' && this.failures >= this.settings.failureThreshold)
    ) {
      this.openedAt = nowMs;
      this.set('open');
    }
  }

  private set(state: BreakerState): void {
    this.current = state;
    this.onChange(state);
  }
}
