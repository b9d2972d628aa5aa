import { describe, expect, it } from 'vitest';
import type { SagaInstanceView } from '@shared/run/saga';
import { sagaHistoryLines, sagaStepText, sagaTotals } from './saga-view';

const STEPS = ['create-order', 'reserve-inventory', 'charge-payment', 'confirm-order'];
const base: SagaInstanceView = {
  id: 'a1',
  status: 'running',
  completed: 1,
  compensating: -1,
  inFlight: null,
  attempts: 0,
  input: '{}',
  traceId: 't',
  spanId: null,
  history: [],
  createdAt: 0,
  updatedAt: 0,
};

describe('saga instance wording', () => {
  it('names the current step, forward and while undoing', () => {
    expect(sagaStepText(base, STEPS)).toBe('2/4 reserve-inventory');
    expect(sagaStepText({ ...base, status: 'compensating', compensating: 0 }, STEPS)).toBe(
      'undo 1/4 create-order',
    );
    expect(sagaStepText({ ...base, status: 'confirmed', completed: 4 }, STEPS)).toBe('all 4 done');
    expect(sagaStepText({ ...base, status: 'compensated', completed: 0 }, STEPS)).toBe('nothing to undo');
  });

  it('counts instances by status and lists calls', () => {
    const rows = [base, { ...base, status: 'confirmed' as const }, { ...base, status: 'confirmed' as const }];
    expect(sagaTotals(rows)).toEqual([
      ['running', 1],
      ['compensating', 0],
      ['confirmed', 2],
      ['compensated', 0],
      ['failed', 0],
    ]);
    const s = {
      ...base,
      history: [
        { phase: 'action' as const, step: 0, ok: true, at: 1, detail: 'HTTP 201' },
        { phase: 'action' as const, step: 1, ok: false, at: 2, error: 'HTTP 409' },
        { phase: 'compensation' as const, step: 0, ok: true, at: 3, detail: 'HTTP 200' },
      ],
    };
    expect(sagaHistoryLines(s, STEPS)).toEqual([
      '✓ create-order HTTP 201',
      '✗ reserve-inventory — HTTP 409',
      '✓ undo create-order HTTP 200',
    ]);
  });
});
