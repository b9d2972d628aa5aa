import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { duplicateName } from './duplicate-name';

describe('duplicate-name', () => {
  it('flags the second and later nodes with a name, not notes', () => {
    const flow = testFlow([
      ['a', 'kafkaTopic', { name: 'orders' }],
      ['b', 'rabbitQueue', { name: 'orders' }],
      ['c', 'consumer', { name: 'orders' }],
      ['n1', 'note', { name: 'note' }],
      ['n2', 'note', { name: 'note' }],
      ['d', 'sink'],
    ]);
    expect(duplicateName(flow).map((f) => [f.nodeId, f.severity])).toEqual([
      ['b', 'warning'],
      ['c', 'warning'],
    ]);
    expect(duplicateName(flow)[0].message).toBe(
      'Another node is already called "orders": rename one so traces and references are clear',
    );
  });
});
