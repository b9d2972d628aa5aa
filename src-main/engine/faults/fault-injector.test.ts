import { describe, expect, it } from 'vitest';
import { faultSpec, type FaultSpec } from '@shared/flow/kinds/faults';
import { FaultInjector, type FaultDecision } from './fault-injector';
import { ManualClock } from './manual-clock';
import type { FaultProtocol } from './protocol-error';
import { seededRandom } from './seeded-random';

const N = 10_000;

function faults(...specs: Array<Record<string, unknown>>): FaultSpec[] {
  return specs.map((s) => faultSpec.parse(s));
}

function injector(
  specs: FaultSpec[],
  opts: { seed?: number; protocol?: FaultProtocol; clock?: ManualClock } = {},
): { inj: FaultInjector<number>; released: FaultDecision<number>[] } {
  const released: FaultDecision<number>[] = [];
  const inj = new FaultInjector<number>({
    faults: specs,
    protocol: opts.protocol ?? 'kafka',
    random: seededRandom(opts.seed ?? 42),
    clock: opts.clock ?? new ManualClock(),
    onRelease: (d) => released.push(...d),
  });
  return { inj, released };
}

function run(inj: FaultInjector<number>, count: number, from = 0): FaultDecision<number>[] {
  const out: FaultDecision<number>[] = [];
  for (let i = from; i < from + count; i++) out.push(...inj.decide(i));
  return out;
}

const share = (ds: FaultDecision<number>[], action: string): number =>
  ds.filter((d) => d.action === action).length / N;

describe('FaultInjector', () => {
  it('delivers at once and marks nothing when no fault is enabled', () => {
    const { inj } = injector(faults({ kind: 'drop', probability: 1, enabled: false }));
    expect(inj.active).toBe(false);
    expect(inj.decide(7)).toEqual([{ action: 'deliver', message: 7, delayMs: 0 }]);
  });

  it('adds latency uniformly within ± jitter, every delay marked as injected', () => {
    const { inj } = injector(faults({ kind: 'latency', latencyMs: 100, jitterMs: 20 }));
    const ds = run(inj, N);
    const delays = ds.map((d) => (d.action === 'deliver' ? d.delayMs : NaN));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(80);
    expect(Math.max(...delays)).toBeLessThanOrEqual(120);
    const mean = delays.reduce((a, b) => a + b, 0) / N;
    expect(Math.abs(mean - 100)).toBeLessThan(1);
    // Uniform: each quarter of the range holds about a quarter of the draws.
    for (const [lo, hi] of [
      [80, 90],
      [90, 100],
      [100, 110],
      [110, 120],
    ]) {
      const inQuarter = delays.filter((d) => d > lo && d < hi).length / N;
      expect(inQuarter).toBeGreaterThan(0.2);
      expect(inQuarter).toBeLessThan(0.25);
    }
    expect(ds[0]).toMatchObject({ fault: { injected: true, kinds: ['latency'] } });
    expect(ds[0].fault?.detail).toMatch(/^latency \d+ ms$/);
  });

  it('never makes a negative delay when the jitter exceeds the latency', () => {
    const { inj } = injector(faults({ kind: 'latency', latencyMs: 5, jitterMs: 50 }));
    const delays = run(inj, 2000).map((d) => (d.action === 'deliver' ? d.delayMs : -1));
    expect(Math.min(...delays)).toBe(0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(55);
  });

  it('fails about the configured share with the Kafka error code', () => {
    const { inj } = injector(faults({ kind: 'error', probability: 0.2 }));
    const ds = run(inj, N);
    expect(share(ds, 'error')).toBeGreaterThan(0.18);
    expect(share(ds, 'error')).toBeLessThan(0.22);
    expect(share(ds, 'error') + share(ds, 'deliver')).toBe(1);
    const failed = ds.find((d) => d.action === 'error');
    expect(failed).toMatchObject({
      error: { protocol: 'kafka', code: 'NOT_LEADER_FOR_PARTITION', errorCode: 6, retriable: true },
      fault: { injected: true, kinds: ['error'] },
    });
    expect(inj.counters()).toMatchObject({ seen: N, errored: ds.filter((d) => d.action === 'error').length });
  });

  it('takes the protocol form configured on the fault', () => {
    const spec = faults({
      kind: 'error',
      probability: 1,
      error: {
        kafka: { code: 'REQUEST_TIMED_OUT' },
        amqp: { action: 'nack-requeue' },
        grpc: { code: 'INTERNAL' },
      },
    });
    expect(injector(spec).inj.decide(1)[0]).toMatchObject({
      error: { code: 'REQUEST_TIMED_OUT', errorCode: 7 },
    });
    expect(injector(spec, { protocol: 'amqp' }).inj.decide(1)[0]).toMatchObject({
      error: { protocol: 'amqp', action: 'nack-requeue', requeue: true },
    });
    expect(injector(spec, { protocol: 'grpc' }).inj.decide(1)[0]).toMatchObject({
      error: { protocol: 'grpc', code: 'INTERNAL', status: 13 },
    });
    expect(injector(spec, { protocol: 'http' }).inj.decide(1)[0]).toMatchObject({
      error: { protocol: 'http', status: 503 },
    });
  });

  it('drops about the configured share, each drop marked', () => {
    const { inj } = injector(faults({ kind: 'drop', probability: 0.05 }));
    const ds = run(inj, N);
    expect(share(ds, 'drop')).toBeGreaterThan(0.04);
    expect(share(ds, 'drop')).toBeLessThan(0.06);
    expect(ds.find((d) => d.action === 'drop')?.fault).toEqual({
      injected: true,
      kinds: ['drop'],
      detail: 'drop (rate 0.05)',
    });
  });

  it('duplicates about the configured share, marking the copies but not the original', () => {
    const { inj } = injector(faults({ kind: 'duplicate', probability: 0.3, copies: 2 }));
    const ds = run(inj, N);
    const copies = ds.filter((d) => d.fault?.kinds.includes('duplicate'));
    expect(copies.length / N).toBeGreaterThan(0.56);
    expect(copies.length / N).toBeLessThan(0.64);
    expect(ds.length).toBe(N + copies.length);
    expect(inj.counters().duplicated).toBe(copies.length);
    const first = copies[0].message;
    expect(ds.filter((d) => d.message === first).map((d) => d.fault?.detail)).toEqual([
      undefined,
      'duplicate copy 1 of 2',
      'duplicate copy 2 of 2',
    ]);
  });

  it('holds a window of messages and releases it out of order, none lost', () => {
    const { inj } = injector(faults({ kind: 'reorder', window: 4 }));
    const first = run(inj, 3);
    expect(first.map((d) => d.action)).toEqual(['hold', 'hold', 'hold']);
    expect(first[0].fault).toMatchObject({ injected: true, kinds: ['reorder'] });
    const released = inj.decide(3);
    expect(released.every((d) => d.action === 'deliver')).toBe(true);
    expect(released.map((d) => d.message)).not.toEqual([0, 1, 2, 3]);
    expect([...released.map((d) => d.message)].sort()).toEqual([0, 1, 2, 3]);
    expect(released[0].fault?.detail).toMatch(/^reordered: arrived \d, released 1 of 4$/);
  });

  it('reorders every window over a long stream, keeping every message exactly once', () => {
    const { inj } = injector(faults({ kind: 'reorder', window: 5 }));
    const delivered = run(inj, 1000)
      .filter((d) => d.action === 'deliver')
      .map((d) => d.message);
    expect(delivered).toHaveLength(1000);
    expect(new Set(delivered).size).toBe(1000);
    for (let w = 0; w < 1000; w += 5) {
      const window = delivered.slice(w, w + 5);
      expect(window).not.toEqual([w, w + 1, w + 2, w + 3, w + 4]);
      expect(Math.min(...window)).toBe(w);
    }
  });

  it('releases a partial window when it has been held for maxHoldMs', () => {
    const clock = new ManualClock();
    const { inj, released } = injector(faults({ kind: 'reorder', window: 10, maxHoldMs: 500 }), { clock });
    run(inj, 2);
    clock.advance(499);
    expect(released).toEqual([]);
    clock.advance(1);
    expect(released.map((d) => d.message)).toEqual([1, 0]);
    expect(clock.pending).toBe(0);
  });

  it('flushes held messages on stop and leaves no timer', () => {
    const clock = new ManualClock();
    const { inj } = injector(faults({ kind: 'reorder', window: 10 }), { clock });
    run(inj, 3);
    expect(clock.pending).toBe(1);
    const flushed = inj.flush();
    expect(flushed.map((d) => d.message).sort()).toEqual([0, 1, 2]);
    expect(clock.pending).toBe(0);
    expect(inj.flush()).toEqual([]);
  });

  it('fails exactly the first N messages, then lets the rest pass', () => {
    const { inj } = injector(faults({ kind: 'failFirst', count: 3 }), { protocol: 'grpc' });
    const ds = run(inj, 6);
    expect(ds.map((d) => d.action)).toEqual(['error', 'error', 'error', 'deliver', 'deliver', 'deliver']);
    expect(ds[2]).toMatchObject({
      error: { protocol: 'grpc', code: 'UNAVAILABLE' },
      fault: { kinds: ['failFirst'], detail: 'fail first 3: #3' },
    });
  });

  it('keeps the "first N" count when toggled off and on mid-run', () => {
    const spec = faults({ kind: 'failFirst', count: 4 });
    const { inj } = injector(spec);
    expect(run(inj, 2).map((d) => d.action)).toEqual(['error', 'error']);
    inj.update([{ ...spec[0], enabled: false }]);
    expect(run(inj, 3, 2).map((d) => d.action)).toEqual(['deliver', 'deliver', 'deliver']);
    inj.update(spec);
    expect(inj.failedSoFar(0)).toBe(2);
    expect(run(inj, 4, 5).map((d) => d.action)).toEqual(['error', 'error', 'deliver', 'deliver']);
    // Raising N goes on from the count so far instead of starting again.
    inj.update(faults({ kind: 'failFirst', count: 5 }));
    expect(run(inj, 2, 9).map((d) => d.action)).toEqual(['error', 'deliver']);
  });

  it('switches the error rate mid-stream', () => {
    const { inj } = injector(faults({ kind: 'error', probability: 0 }));
    expect(run(inj, 100).every((d) => d.action === 'deliver')).toBe(true);
    inj.update(faults({ kind: 'error', probability: 1 }));
    expect(run(inj, 100, 100).every((d) => d.action === 'error')).toBe(true);
    inj.update([]);
    expect(inj.active).toBe(false);
    expect(run(inj, 100, 200).every((d) => d.action === 'deliver' && d.fault === undefined)).toBe(true);
    expect(inj.counters()).toMatchObject({ seen: 300, errored: 100, delivered: 200 });
  });

  it('releases held messages through onRelease when the reorder is turned off', () => {
    const clock = new ManualClock();
    const spec = faults({ kind: 'reorder', window: 10 });
    const { inj, released } = injector(spec, { clock });
    run(inj, 3);
    inj.update([{ ...spec[0], enabled: false }]);
    expect(released.map((d) => d.message).sort()).toEqual([0, 1, 2]);
    expect(clock.pending).toBe(0);
    expect(inj.decide(3)).toEqual([{ action: 'deliver', message: 3, delayMs: 0 }]);
  });

  it('sends a timed-out window through the faults after the reorder, even when the list changed', () => {
    const clock = new ManualClock();
    const { inj, released } = injector(
      faults({ kind: 'reorder', window: 10, maxHoldMs: 100 }, { kind: 'latency', latencyMs: 30 }),
      { clock },
    );
    run(inj, 2);
    // A fault inserted before the reorder moves it down the list while messages are held.
    inj.update(
      faults(
        { kind: 'drop', probability: 0 },
        { kind: 'reorder', window: 10, maxHoldMs: 100 },
        { kind: 'latency', latencyMs: 30 },
      ),
    );
    clock.advance(100);
    expect(released.map((d) => [d.action, d.message, d.action === 'deliver' && d.delayMs])).toEqual([
      ['deliver', 1, 30],
      ['deliver', 0, 30],
    ]);
  });

  it('applies faults in list order: an error ends the list, later faults see only survivors', () => {
    const { inj } = injector(
      faults(
        { kind: 'failFirst', count: 1 },
        { kind: 'latency', latencyMs: 50 },
        { kind: 'duplicate', probability: 1 },
      ),
    );
    const [failed] = inj.decide(0);
    expect(failed).toMatchObject({ action: 'error', fault: { kinds: ['failFirst'] } });
    expect(inj.decide(1)).toEqual([
      {
        action: 'deliver',
        message: 1,
        delayMs: 50,
        fault: { injected: true, kinds: ['latency'], detail: 'latency 50 ms' },
      },
      {
        action: 'deliver',
        message: 1,
        delayMs: 50,
        fault: {
          injected: true,
          kinds: ['latency', 'duplicate'],
          detail: 'latency 50 ms; duplicate copy 1 of 1',
        },
      },
    ]);
  });

  it('makes the same decisions from the same seed', () => {
    const spec = faults(
      { kind: 'error', probability: 0.3 },
      { kind: 'latency', latencyMs: 10, jitterMs: 10 },
    );
    const a = run(injector(spec, { seed: 7 }).inj, 500);
    const b = run(injector(spec, { seed: 7 }).inj, 500);
    const c = run(injector(spec, { seed: 8 }).inj, 500);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
});
