import type { SagaInstanceView, SagaStatus } from '@shared/run/saga';

/**
 * The state machine of one saga instance, pure (no I/O, no clock): the orchestrator asks it
 * what to do next, persists what it returns, then does it. Forward, each step's action runs
 * in order; after a failure, the compensations of the steps done so far run in reverse
 * order; a compensation that keeps failing marks the saga failed (it needs a person).
 */

/** What the machine needs to know of a step: whether it has a compensation. */
export interface MachineStep {
  name: string;
  compensable: boolean;
}

/** The next call to make, or null when the saga has ended. */
export type SagaCall = { phase: 'action' | 'compensation'; step: number };

/** A saga instance as stored: everything needed to resume it after a restart. */
export type SagaInstance = SagaInstanceView;

/** A new instance, running its first step. */
export function startSaga(
  id: string,
  input: string,
  trace: { traceId: string; spanId: string | null },
  now: number,
): SagaInstance {
  return {
    id,
    status: 'running',
    completed: 0,
    compensating: -1,
    inFlight: null,
    attempts: 0,
    input,
    traceId: trace.traceId,
    spanId: trace.spanId,
    history: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** True once the saga can take no further step. */
export function isEnded(status: SagaStatus): boolean {
  return status === 'confirmed' || status === 'compensated' || status === 'failed';
}

/** The call the saga makes next, or null when it has ended (or has no steps left). */
export function nextCall(s: SagaInstance, steps: readonly MachineStep[]): SagaCall | null {
  if (s.status === 'running' && s.completed < steps.length) return { phase: 'action', step: s.completed };
  if (s.status === 'compensating' && s.compensating >= 0)
    return { phase: 'compensation', step: s.compensating };
  return null;
}

/** Marks `call` as sent: persisted before calling, so a restart knows it may have happened. */
export function begin(s: SagaInstance, call: SagaCall, now: number): SagaInstance {
  return { ...s, inFlight: call, updatedAt: now };
}

/** The call in flight answered with success. */
export function succeeded(
  s: SagaInstance,
  steps: readonly MachineStep[],
  now: number,
  detail?: string,
): SagaInstance {
  const call = s.inFlight ?? nextCall(s, steps);
  if (!call) return s;
  const history = [...s.history, { ...call, ok: true, at: now, ...(detail ? { detail } : {}) }];
  if (call.phase === 'action') {
    const completed = call.step + 1;
    const status = completed >= steps.length ? 'confirmed' : 'running';
    return { ...s, status, completed, inFlight: null, history, updatedAt: now };
  }
  return compensateFrom({ ...s, inFlight: null, attempts: 0, history, updatedAt: now }, steps, call.step - 1);
}

/**
 * The call in flight failed. An action that failed starts compensation of the steps done;
 * when `uncertain` (a timeout: the service may have acted), the failed step is undone too.
 * A compensation that failed is tried again, up to `maxAttempts`, then the saga is failed.
 */
export function failed(
  s: SagaInstance,
  steps: readonly MachineStep[],
  error: string,
  now: number,
  options: { uncertain: boolean; maxAttempts: number },
): SagaInstance {
  const call = s.inFlight ?? nextCall(s, steps);
  if (!call) return s;
  const history = [...s.history, { ...call, ok: false, at: now, error }];
  if (call.phase === 'action') {
    const from = options.uncertain ? call.step : call.step - 1;
    return compensateFrom({ ...s, inFlight: null, attempts: 0, error, history, updatedAt: now }, steps, from);
  }
  const attempts = s.attempts + 1;
  if (attempts >= options.maxAttempts) {
    const why = `compensation of step ${call.step + 1} "${steps[call.step]?.name ?? '?'}" failed ${attempts} times: ${error}`;
    return { ...s, status: 'failed', inFlight: null, attempts, error: why, history, updatedAt: now };
  }
  return { ...s, inFlight: null, attempts, history, updatedAt: now };
}

/**
 * An instance found unfinished when its flow runs again (the app quit mid-saga). `continue`
 * sends the interrupted call again (actions and compensations must be idempotent);
 * `compensate` undoes what may have been done, the interrupted action included.
 */
export function resumeAfterRestart(
  s: SagaInstance,
  steps: readonly MachineStep[],
  mode: 'continue' | 'compensate',
  now: number,
): SagaInstance {
  if (isEnded(s.status)) return s;
  const interrupted = s.inFlight;
  const base = { ...s, inFlight: null, updatedAt: now };
  if (s.status === 'compensating' || mode === 'continue') return base;
  const from = interrupted?.phase === 'action' ? interrupted.step : s.completed - 1;
  return compensateFrom(
    { ...base, attempts: 0, error: s.error ?? 'interrupted by an app restart' },
    steps,
    from,
  );
}

/** Compensating from step `from` down (skipping steps with nothing to undo); compensated when none is left. */
function compensateFrom(s: SagaInstance, steps: readonly MachineStep[], from: number): SagaInstance {
  let j = Math.min(from, steps.length - 1);
  while (j >= 0 && !steps[j].compensable) j--;
  return j < 0
    ? { ...s, status: 'compensated', compensating: -1 }
    : { ...s, status: 'compensating', compensating: j };
}
