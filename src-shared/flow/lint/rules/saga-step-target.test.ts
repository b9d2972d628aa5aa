import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { sagaStepTarget } from './saga-step-target';

describe('saga-step-target', () => {
  it('needs every step to name a service the saga is connected to', () => {
    const flow = testFlow(
      [
        [
          'saga',
          'sagaOrchestrator',
          {
            steps: [
              { name: 'reserve', target: 'inventory' },
              { name: 'charge', target: '' },
              { name: 'ship', target: 'shipping' },
            ],
          },
        ],
        ['inventory', 'grpcService'],
        ['shipping', 'restService'],
      ],
      [['saga', 'inventory']],
    );
    expect(sagaStepTarget(flow).map((f) => f.message)).toEqual([
      'Step 2 "charge" of saga "saga" has no target',
      'Step 3 "ship" of saga "saga" goes to "shipping", but "saga" is not connected to it',
    ]);
  });
});
