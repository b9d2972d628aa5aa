import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { policyUnattached } from './policy-unattached';

describe('policy-unattached', () => {
  it('accepts a policy connected to a service or named on an edge', () => {
    const flow = testFlow(
      [
        ['on-service', 'meshPolicy'],
        ['on-edge', 'meshPolicy'],
        ['idle', 'meshPolicy'],
        ['api', 'restService'],
        ['client', 'restClient'],
      ],
      [
        ['on-service', 'api'],
        ['client', 'api', { config: { policy: 'on-edge' } }],
      ],
    );
    expect(policyUnattached(flow)).toEqual([
      {
        rule: 'policy-unattached',
        severity: 'warning',
        nodeId: 'idle',
        message:
          'Mesh policy "idle" applies to nothing: connect it to a service, or choose it on a call\'s connection',
      },
    ]);
  });
});
