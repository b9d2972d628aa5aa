import { describe, expect, it } from 'vitest';
import {
  begin,
  failed,
  nextCall,
  resumeAfterRestart,
  startSaga,
  succeeded,
  type MachineStep,
  type SagaInstance,
} from './saga-machine';

const STEPS: MachineStep[] = [
  { name: 'create-order', compensable: true },
  { name: 'reserve-inventory', compensable: true },
  { name: 'charge-payment', compensable: true },
  { name: 'confirm-order', compensable: false },
];
const LIMITS = { uncertain: false, maxAttempts: 3 };
const TRACE = { traceId: 'a'.repeat(32), spanId: null };

/** Runs the saga, failing the action of step `failAt` (or none), answering every other call with success. */
function drive(failAt: number | null, steps = STEPS): { s: SagaInstance; calls: string[] } {
  let s = startSaga('s1', '{}', TRACE, 0);
  const calls: string[] = [];
  for (let call = nextCall(s, steps), t = 1; call; call = nextCall(s, steps), t++) {
    calls.push(`${call.phase}:${steps[call.step].name}`);
    s = begin(s, call, t);
    s =
      call.phase === 'action' && call.step === failAt
        ? failed(s, steps, 'HTTP 503', t, LIMITS)
        : succeeded(s, steps, t);
  }
  return { s, calls };
}

describe('saga state machine', () => {
  it('runs every action in order and ends confirmed', () => {
    const { s, calls } = drive(null);
    expect(s.status).toBe('confirmed');
    expect(s.completed).toBe(4);
    expect(calls).toEqual([
      'action:create-order',
      'action:reserve-inventory',
      'action:charge-payment',
      'action:confirm-order',
    ]);
  });

  it.each([
    [0, []],
    [1, ['compensation:create-order']],
    [2, ['compensation:reserve-inventory', 'compensation:create-order']],
    [3, ['compensation:charge-payment', 'compensation:reserve-inventory', 'compensation:create-order']],
  ])('a failure at step %i compensates the steps done before it, in reverse order', (failAt, undo) => {
    const { s, calls } = drive(failAt);
    expect(s.status).toBe('compensated');
    expect(calls.filter((c) => c.startsWith('compensation:'))).toEqual(undo);
    expect(s.error).toBe('HTTP 503');
    expect(s.history.filter((h) => !h.ok)).toHaveLength(1);
  });

  it('skips steps with nothing to undo', () => {
    const steps = [STEPS[0], { name: 'notify', compensable: false }, STEPS[2]];
    const { calls } = drive(2, steps);
    expect(calls.slice(3)).toEqual(['compensation:create-order']);
  });

  it('undoes a timed-out step too: the service may have acted', () => {
    let s = startSaga('s1', '{}', TRACE, 0);
    s = succeeded(begin(s, nextCall(s, STEPS)!, 1), STEPS, 1);
    s = begin(s, nextCall(s, STEPS)!, 2);
    s = failed(s, STEPS, 'step timed out after 50 ms', 3, { uncertain: true, maxAttempts: 3 });
    expect(s.status).toBe('compensating');
    expect(nextCall(s, STEPS)).toEqual({ phase: 'compensation', step: 1 });
  });

  it('retries a failing compensation and marks the saga failed after the last attempt', () => {
    let s = startSaga('s1', '{}', TRACE, 0);
    s = succeeded(begin(s, nextCall(s, STEPS)!, 1), STEPS, 1);
    s = failed(begin(s, nextCall(s, STEPS)!, 2), STEPS, 'no stock', 2, LIMITS);
    for (let i = 0; i < 2; i++) {
      s = failed(begin(s, nextCall(s, STEPS)!, 3), STEPS, 'HTTP 500', 3, LIMITS);
      expect(s.status).toBe('compensating');
    }
    s = failed(begin(s, nextCall(s, STEPS)!, 4), STEPS, 'HTTP 500', 4, LIMITS);
    expect(s.status).toBe('failed');
    expect(s.error).toMatch(/compensation of step 1 "create-order" failed 3 times/);
    expect(nextCall(s, STEPS)).toBeNull();
  });

  describe('after an app restart', () => {
    const interruptedAt = (step: number): SagaInstance => {
      let s = startSaga('s1', '{}', TRACE, 0);
      for (let i = 0; i < step; i++) s = succeeded(begin(s, nextCall(s, STEPS)!, i), STEPS, i);
      return begin(s, nextCall(s, STEPS)!, step);
    };

    it('continue: sends the interrupted action again', () => {
      const s = resumeAfterRestart(interruptedAt(2), STEPS, 'continue', 9);
      expect(s.status).toBe('running');
      expect(s.inFlight).toBeNull();
      expect(nextCall(s, STEPS)).toEqual({ phase: 'action', step: 2 });
    });

    it('compensate: undoes the interrupted action and every step before it', () => {
      let s = resumeAfterRestart(interruptedAt(2), STEPS, 'compensate', 9);
      expect(s.status).toBe('compensating');
      expect(s.error).toBe('interrupted by an app restart');
      const undo: number[] = [];
      for (let call = nextCall(s, STEPS); call; call = nextCall(s, STEPS)) {
        undo.push(call.step);
        s = succeeded(begin(s, call, 10), STEPS, 10);
      }
      expect(undo).toEqual([2, 1, 0]);
      expect(s.status).toBe('compensated');
    });

    it('a saga that was compensating goes on compensating, whatever the mode', () => {
      let s = interruptedAt(2);
      s = failed(s, STEPS, 'declined', 1, LIMITS);
      s = begin(s, nextCall(s, STEPS)!, 2);
      const resumed = resumeAfterRestart(s, STEPS, 'continue', 3);
      expect(resumed.status).toBe('compensating');
      expect(nextCall(resumed, STEPS)).toEqual({ phase: 'compensation', step: 1 });
    });

    it('leaves ended sagas as they are', () => {
      const { s } = drive(null);
      expect(resumeAfterRestart(s, STEPS, 'compensate', 99)).toBe(s);
    });
  });
});
