import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { invalidConfig } from './invalid-config';

describe('invalid-config', () => {
  it('reports one error per refused field, nested fields by path', () => {
    const flow = testFlow([
      ['t', 'kafkaTopic', { topic: '', partitions: 0 }],
      ['api', 'restService', { routes: [{ path: 'orders' }] }],
      ['ok', 'sink'],
    ]);
    expect(invalidConfig(flow)).toEqual([
      { rule: 'invalid-config', severity: 'error', nodeId: 't', message: '"t": topic is required' },
      {
        rule: 'invalid-config',
        severity: 'error',
        nodeId: 't',
        message: '"t": partitions must be at least 1',
      },
      {
        rule: 'invalid-config',
        severity: 'error',
        nodeId: 'api',
        message: '"api": routes[0].path must start with "/"',
      },
    ]);
  });
});
