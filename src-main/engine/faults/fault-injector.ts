import type { FaultKind, FaultSpec } from '@shared/flow/kinds/faults';
import type { InjectedFault } from '@shared/trace/events';
import { systemClock, type Clock } from './clock';
import { protocolError, type FaultProtocol, type InjectedError } from './protocol-error';
import { jittered, type RandomSource } from './seeded-random';
import { shuffledOutOfOrder } from './shuffle';

/**
 * What to do with one message (or one copy of it). Decisions shaped by a fault carry `fault`,
 * which the runtime copies into the trace event so injected faults are never taken for real ones.
 */
export type FaultDecision<M> =
  | { action: 'deliver'; message: M; delayMs: number; fault?: InjectedFault }
  /** Lost on purpose: deliver nothing, record a `fault` trace event. */
  | { action: 'drop'; message: M; fault: InjectedFault }
  /** Fail with the protocol's error (nack, error status, Kafka error code). */
  | { action: 'error'; message: M; error: InjectedError; fault: InjectedFault }
  /** Held back by a reorder fault; it comes back later as a `deliver` (from decide or onRelease). */
  | { action: 'hold'; message: M; fault: InjectedFault };

/** Totals since the injector was made; kept across `update`. */
export interface FaultCounters {
  seen: number;
  delivered: number;
  delayed: number;
  dropped: number;
  errored: number;
  duplicated: number;
  held: number;
}

export interface FaultInjectorOptions<M> {
  faults: readonly FaultSpec[];
  /** Which protocol's error form an injected error takes. */
  protocol: FaultProtocol;
  /** Receives messages released later: a reorder window that timed out, or a reorder turned off. */
  onRelease: (decisions: FaultDecision<M>[]) => void;
  random?: RandomSource;
  clock?: Clock;
}

/** A message on its way through the fault list, with what was done to it so far. */
interface Item<M> {
  message: M;
  delayMs: number;
  kinds: FaultKind[];
  details: string[];
}

/** Per-fault state that survives toggling and editing: "first N" counts, reorder windows. */
interface FaultState<M> {
  failed: number;
  held: Item<M>[];
  cancelTimer?: () => void;
}

/**
 * Applies a node's or an edge's faults to each message passing it. Faults apply in list
 * order; an error or a drop ends the list for that message. `update` swaps the list while a
 * run goes on: a fault keeps its state (the "first N" count, held messages) when a fault of
 * the same kind stays at the same place among its kind (the 2nd latency stays the 2nd latency).
 */
export class FaultInjector<M> {
  private faults: readonly FaultSpec[];
  private readonly states = new Map<string, FaultState<M>>();
  private readonly totals: FaultCounters = {
    seen: 0,
    delivered: 0,
    delayed: 0,
    dropped: 0,
    errored: 0,
    duplicated: 0,
    held: 0,
  };
  private readonly random: RandomSource;
  private readonly clock: Clock;

  constructor(private readonly options: FaultInjectorOptions<M>) {
    this.faults = options.faults;
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? systemClock;
  }

  /** True when some fault is enabled; when false, `decide` only ever delivers at once. */
  get active(): boolean {
    return this.faults.some((f) => f.enabled);
  }

  /** The decisions for one incoming message, in the order to carry them out. */
  decide(message: M): FaultDecision<M>[] {
    this.totals.seen++;
    return this.count(this.apply([{ message, delayMs: 0, kinds: [], details: [] }], 0));
  }

  /** Replaces the fault list mid-run; held messages of a reorder that is gone or off are released. */
  update(faults: readonly FaultSpec[]): void {
    this.faults = faults;
    const live = new Set(this.keys().filter((_, i) => faults[i].enabled));
    for (const [key, state] of this.states) {
      if (live.has(key) || state.held.length === 0) continue;
      this.options.onRelease(this.count(this.releaseAll(state).map((item) => this.finish(item))));
    }
  }

  /** On stop: every held message, as deliveries, and no timer left behind. */
  flush(): FaultDecision<M>[] {
    const out: FaultDecision<M>[] = [];
    for (const state of this.states.values()) {
      out.push(...this.releaseAll(state).map((item) => this.finish(item)));
    }
    return this.count(out);
  }

  /** Totals so far (a copy); `duplicated` counts the extra copies made. */
  counters(): FaultCounters {
    return { ...this.totals };
  }

  /** How many messages the `failFirst` fault at `index` has failed so far. */
  failedSoFar(index: number): number {
    return this.states.get(this.keys()[index])?.failed ?? 0;
  }

  /** Runs `items` through the faults from `from` on. */
  private apply(items: Item<M>[], from: number): FaultDecision<M>[] {
    const out: FaultDecision<M>[] = [];
    let current = items;
    const keys = this.keys();
    for (let i = from; i < this.faults.length && current.length > 0; i++) {
      const spec = this.faults[i];
      if (!spec.enabled) continue;
      const state = this.stateOf(keys[i]);
      const next: Item<M>[] = [];
      for (const item of current) {
        switch (spec.kind) {
          case 'latency': {
            const ms = jittered(this.random, spec.latencyMs, spec.jitterMs);
            next.push(mark({ ...item, delayMs: item.delayMs + ms }, 'latency', `latency ${ms} ms`));
            break;
          }
          case 'error':
            if (this.random() < spec.probability) {
              out.push(this.error(item, spec.error, 'error', `error (rate ${spec.probability})`));
            } else next.push(item);
            break;
          case 'failFirst':
            if (state.failed < spec.count) {
              state.failed++;
              out.push(
                this.error(item, spec.error, 'failFirst', `fail first ${spec.count}: #${state.failed}`),
              );
            } else next.push(item);
            break;
          case 'drop':
            if (this.random() < spec.probability) {
              const dropped = mark(item, 'drop', `drop (rate ${spec.probability})`);
              out.push({ action: 'drop', message: item.message, fault: faultOf(dropped) });
            } else next.push(item);
            break;
          case 'duplicate':
            next.push(item);
            if (this.random() < spec.probability) {
              this.totals.duplicated += spec.copies;
              for (let c = 1; c <= spec.copies; c++) {
                next.push(mark(item, 'duplicate', `duplicate copy ${c} of ${spec.copies}`));
              }
            }
            break;
          case 'reorder':
            out.push(...this.hold(item, spec.window, spec.maxHoldMs, state, keys[i]));
            break;
        }
      }
      current = next;
    }
    return [...out, ...current.map((item) => this.finish(item))];
  }

  /** Adds `item` to the reorder window; a full window comes back shuffled and goes on. */
  private hold(
    item: Item<M>,
    window: number,
    maxHoldMs: number,
    state: FaultState<M>,
    key: string,
  ): FaultDecision<M>[] {
    state.held.push(item);
    if (state.held.length >= window) {
      return this.apply(this.releaseAll(state), this.keys().indexOf(key) + 1);
    }
    if (!state.cancelTimer) {
      state.cancelTimer = this.clock.setTimeout(() => {
        state.cancelTimer = undefined;
        // Looked up now: an update since the hold may have moved this fault in the list.
        const after = this.keys().indexOf(key) + 1;
        const released = this.releaseAll(state);
        const decisions = this.count(
          after > 0 ? this.apply(released, after) : released.map((item) => this.finish(item)),
        );
        if (decisions.length > 0) this.options.onRelease(decisions);
      }, maxHoldMs);
    }
    const held = mark(item, 'reorder', `held back (window ${window})`);
    return [{ action: 'hold', message: item.message, fault: faultOf(held) }];
  }

  /** Empties a reorder window, out of order, each marked with its new place. */
  private releaseAll(state: FaultState<M>): Item<M>[] {
    state.cancelTimer?.();
    state.cancelTimer = undefined;
    const held = state.held;
    state.held = [];
    if (held.length === 0) return [];
    return shuffledOutOfOrder(held, this.random).map((item, place) =>
      mark(
        item,
        'reorder',
        `reordered: arrived ${held.indexOf(item) + 1}, released ${place + 1} of ${held.length}`,
      ),
    );
  }

  private error(
    item: Item<M>,
    forms: Parameters<typeof protocolError>[0],
    kind: FaultKind,
    detail: string,
  ): FaultDecision<M> {
    const marked = mark(item, kind, detail);
    const error = protocolError(forms, this.options.protocol, `injected ${detail}`);
    return { action: 'error', message: item.message, error, fault: faultOf(marked) };
  }

  private finish(item: Item<M>): FaultDecision<M> {
    const decision: FaultDecision<M> = { action: 'deliver', message: item.message, delayMs: item.delayMs };
    if (item.kinds.length > 0) decision.fault = faultOf(item);
    return decision;
  }

  private count(decisions: FaultDecision<M>[]): FaultDecision<M>[] {
    for (const d of decisions) {
      if (d.action === 'deliver') {
        this.totals.delivered++;
        if (d.delayMs > 0) this.totals.delayed++;
      } else if (d.action === 'drop') this.totals.dropped++;
      else if (d.action === 'error') this.totals.errored++;
      else this.totals.held++;
    }
    return decisions;
  }

  /** `latency#0`, `failFirst#1`…: a fault's identity across updates. */
  private keys(): string[] {
    const seen = new Map<FaultKind, number>();
    return this.faults.map((f) => {
      const n = seen.get(f.kind) ?? 0;
      seen.set(f.kind, n + 1);
      return `${f.kind}#${n}`;
    });
  }

  private stateOf(key: string): FaultState<M> {
    let state = this.states.get(key);
    if (!state) {
      state = { failed: 0, held: [] };
      this.states.set(key, state);
    }
    return state;
  }
}

function mark<M>(item: Item<M>, kind: FaultKind, detail: string): Item<M> {
  return { ...item, kinds: [...item.kinds, kind], details: [...item.details, detail] };
}

function faultOf<M>(item: Item<M>): InjectedFault {
  return { injected: true, kinds: item.kinds, detail: item.details.join('; ') };
}
