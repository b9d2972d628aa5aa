import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FaultSpec } from '@shared/flow/node-kinds';
import { FaultSync } from './fault-sync';
import { changedTargets, enabledFaultCount, faultsByTarget, runnableFaults } from './fault-targets';

const drop = (enabled: boolean, probability = 1): FaultSpec => ({ kind: 'drop', enabled, probability });

describe('fault targets', () => {
  it('reads faults of nodes and edges and finds what changed by reference', () => {
    const faults = [drop(true)];
    const a = faultsByTarget([{ id: 'n', data: { config: { faults } } }], [{ id: 'e' }]);
    expect([...a]).toEqual([
      ['n', faults],
      ['e', undefined],
    ]);
    const b = faultsByTarget(
      [{ id: 'n', data: { config: { faults } } }],
      [{ id: 'e', data: { config: { faults: [] } } }],
    );
    expect(changedTargets(a, b)).toEqual(['e']);
    expect(changedTargets(b, new Map([['n', faults]]))).toEqual(['e']);
  });

  it('sends only valid lists, and counts switched-on faults for the badge', () => {
    expect(runnableFaults(undefined)).toEqual([]);
    expect(runnableFaults([{ kind: 'drop', probability: 2 }])).toBeNull();
    expect(runnableFaults([{ kind: 'drop' }])).toEqual([drop(true, 0.1)]);
    expect(enabledFaultCount([drop(true), drop(false), { kind: 'latency' }])).toBe(2);
    expect(enabledFaultCount('nonsense')).toBe(0);
  });
});

describe('FaultSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = (): { sync: FaultSync; sent: Array<[string, FaultSpec[]]>; errors: string[] } => {
    const sent: Array<[string, FaultSpec[]]> = [];
    const errors: string[] = [];
    const sync = new FaultSync(
      async (id, faults) => {
        sent.push([id, faults]);
      },
      (id) => errors.push(id),
      100,
    );
    return { sync, sent, errors };
  };

  it('sends the last of a burst of edits once, after the pause', async () => {
    const { sync, sent } = setup();
    sync.start(
      new Map([
        ['e1', undefined],
        ['n1', undefined],
      ]),
    );
    sync.update(
      new Map([
        ['e1', [drop(true, 0.5)]],
        ['n1', undefined],
      ]),
    );
    await vi.advanceTimersByTimeAsync(50);
    sync.update(
      new Map([
        ['e1', [drop(true, 1)]],
        ['n1', undefined],
      ]),
    );
    await vi.advanceTimersByTimeAsync(99);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([['e1', [drop(true, 1)]]]);
  });

  it('skips invalid lists, lists equal to what the run has, and targets the run does not know', async () => {
    const { sync, sent } = setup();
    const start = [drop(true)];
    sync.start(new Map<string, unknown>([['e1', start]]));
    sync.update(
      new Map<string, unknown>([
        ['e1', [{ kind: 'drop', enabled: true, probability: Number.NaN }]],
        ['new', [drop(true)]],
      ]),
    );
    await vi.advanceTimersByTimeAsync(200);
    // Undoing back to what the run started with: nothing to tell it.
    sync.update(
      new Map<string, unknown>([
        ['e1', [drop(true)]],
        ['new', [drop(true)]],
      ]),
    );
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toEqual([]);
    sync.update(
      new Map<string, unknown>([
        ['e1', [drop(false)]],
        ['new', [drop(true)]],
      ]),
    );
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toEqual([['e1', [drop(false)]]]);
  });

  it('sends nothing when no run is going, and cancels what was pending on stop', async () => {
    const { sync, sent } = setup();
    sync.update(new Map([['e1', [drop(true)]]]));
    sync.start(new Map([['e1', undefined]]));
    sync.update(new Map([['e1', [drop(false)]]]));
    sync.stop();
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toEqual([]);
  });

  it('reports a failed send and sends the same list again on the next edit', async () => {
    let fail = true;
    const errors: string[] = [];
    const sent: string[] = [];
    const sync = new FaultSync(
      async (id) => {
        if (fail) throw new Error('engine said no');
        sent.push(id);
      },
      (id) => errors.push(id),
      10,
    );
    sync.start(new Map([['e1', undefined]]));
    const faults = [drop(true)];
    sync.update(new Map([['e1', faults]]));
    await vi.advanceTimersByTimeAsync(20);
    expect(errors).toEqual(['e1']);
    fail = false;
    sync.update(new Map([['e1', [...faults]]]));
    await vi.advanceTimersByTimeAsync(20);
    expect(sent).toEqual(['e1']);
  });
});
