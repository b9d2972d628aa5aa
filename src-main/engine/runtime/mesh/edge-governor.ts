import type { FlowEdge, FlowNode } from '@shared/flow/document';
import { CircuitBreaker } from '../../patterns/mesh/circuit-breaker';
import { RetryBudget } from '../../patterns/mesh/retry-budget';
import { createSplitPicker } from '../../patterns/mesh/traffic-split';
import type { RunContext } from '../run-context';

/** What one try of a governed call is given: where to call, how long it may take, which try it is. */
export interface AttemptInput {
  targetId: string;
  timeoutMs: number;
  attempt: number;
}

/** How a governed call ended: the last result, or why there is none. */
export type GovernedOutcome<T> =
  | { ok: true; value: T; targetId: string; attempts: number }
  | { ok: false; error: string; value?: T; targetId: string; attempts: number };

/**
 * The sidecar of one call edge: a mesh policy applied to every call along it. The traffic
 * split picks the target, an open circuit refuses at once, each try gets the policy's
 * timeout, and failed tries are retried with exponential backoff while both the per-call
 * attempts and the run-wide retry budget allow. Counters live under the edge's id, so the
 * canvas shows the breaker's state and the edge's calls, errors and retries live.
 */
export class EdgeGovernor {
  private readonly breaker: CircuitBreaker | null;
  private readonly budget: RetryBudget;
  private readonly pick: () => string;

  constructor(
    private readonly ctx: RunContext,
    readonly edge: FlowEdge,
    readonly policy: FlowNode<'meshPolicy'>,
    /** Split targets resolved to node ids by the layer (empty: always the edge's target). */
    split: Array<{ targetId: string; weight: number }>,
    private readonly callerId: string,
  ) {
    const c = policy.config;
    ctx.stats.track(edge.id);
    this.breaker = c.circuitBreaker.enabled
      ? new CircuitBreaker(c.circuitBreaker, (state) => {
          ctx.stats.setBreaker(edge.id, state);
          ctx.log(
            state === 'open' ? 'warning' : 'info',
            callerId,
            `circuit ${state} on the calls governed by "${c.name}"`,
          );
        })
      : null;
    if (this.breaker) ctx.stats.setBreaker(edge.id, 'closed');
    this.budget = new RetryBudget((c.retries.budgetPercent ?? 20) / 100);
    const pick =
      split.length > 0
        ? createSplitPicker(split.map((s) => ({ target: s.targetId, weight: s.weight })))
        : null;
    this.pick = pick ?? (() => edge.target);
  }

  /**
   * Runs one call under the policy. `failureOf` says whether a result counts as a failure
   * (a 5xx, UNAVAILABLE); a thrown error always does.
   */
  async call<T>(
    attempt: (input: AttemptInput) => Promise<T>,
    failureOf: (value: T) => string | null,
  ): Promise<GovernedOutcome<T>> {
    const { ctx, edge } = this;
    const c = this.policy.config;
    const targetId = this.pick();
    ctx.stats.add(edge.id, 'sent');
    if (this.breaker && !this.breaker.allow(Date.now())) {
      ctx.stats.add(edge.id, 'errors');
      return { ok: false, error: `circuit open: "${c.name}" refuses calls for now`, targetId, attempts: 0 };
    }
    this.budget.recordCall();
    const startedAt = performance.now();
    let last: { value?: T; error: string } = { error: 'not called' };
    let tries = 0;
    for (let i = 0; ; i++) {
      tries = i + 1;
      let failure: string | null;
      let value: T | undefined;
      try {
        value = await attempt({ targetId, timeoutMs: c.timeoutMs, attempt: i + 1 });
        failure = failureOf(value);
      } catch (err) {
        failure = err instanceof Error ? err.message : String(err);
      }
      if (failure === null) {
        this.breaker?.success();
        ctx.stats.add(edge.id, 'received');
        ctx.stats.observe(edge.id, performance.now() - startedAt);
        return { ok: true, value: value as T, targetId, attempts: i + 1 };
      }
      this.breaker?.failure(Date.now());
      last = { value, error: failure };
      const mayRetry =
        i < c.retries.attempts &&
        !ctx.isStopping &&
        (!this.breaker || this.breaker.state(Date.now()) === 'closed') &&
        this.budget.tryRetry();
      if (!mayRetry) break;
      ctx.stats.addRetry(edge.id);
      await ctx.sleep(c.retries.backoffMs * 2 ** i);
    }
    ctx.stats.add(edge.id, 'errors');
    ctx.stats.observe(edge.id, performance.now() - startedAt);
    return { ok: false, ...last, targetId, attempts: tries };
  }
}
