import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { sagaStepWithoutCompensation } from './saga-step-without-compensation';

describe('saga-step-without-compensation', () => {
  it('warns for every step but the last that has no compensation', () => {
    const flow = testFlow([
      [
        'order-saga',
        'sagaOrchestrator',
        {
          steps: [
            { name: 'reserve', compensation: 'release' },
            { name: 'charge', compensation: ' ' },
            { name: 'ship', compensation: '' },
          ],
        },
      ],
      ['broken', 'sagaOrchestrator', { steps: 'not a list' }],
    ]);
    expect(sagaStepWithoutCompensation(flow)).toEqual([
      {
        rule: 'saga-step-without-compensation',
        severity: 'warning',
        nodeId: 'order-saga',
        message:
          'Step 2 "charge" of saga "order-saga" has no compensation: if a later step fails, it cannot be undone',
      },
    ]);
  });
});
