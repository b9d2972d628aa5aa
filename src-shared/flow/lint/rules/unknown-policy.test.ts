import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { unknownPolicy } from './unknown-policy';

describe('unknown-policy', () => {
  it('reports an edge naming a policy that is not on the canvas', () => {
    const flow = testFlow(
      [
        ['retry', 'meshPolicy'],
        ['api', 'restService'],
        ['a', 'restClient'],
        ['b', 'restClient'],
      ],
      [
        ['a', 'api', { config: { policy: 'retry' } }],
        ['b', 'api', { config: { policy: 'retries' } }],
      ],
    );
    expect(unknownPolicy(flow)).toEqual([
      {
        rule: 'unknown-policy',
        severity: 'error',
        edgeId: 'b>api',
        nodeId: 'b',
        message: 'The connection from "b" to "api" uses mesh policy "retries", which does not exist',
      },
    ]);
  });
});
