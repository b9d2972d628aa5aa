import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { routerOutputUnconnected } from './router-output-unconnected';

describe('router-output-unconnected', () => {
  it('flags outputs without edges and edges from outputs that are gone', () => {
    const flow = testFlow(
      [
        ['r', 'router', { routes: [{ output: 'eu' }, { output: 'us' }] }],
        ['a', 'sink'],
        ['b', 'sink'],
        ['c', 'sink'],
      ],
      [
        ['r', 'a', { sourceHandle: 'eu' }],
        ['r', 'b', { sourceHandle: 'apac' }],
        ['r', 'c', { sourceHandle: 'else' }],
      ],
    );
    expect(routerOutputUnconnected(flow).map((f) => [f.severity, f.message])).toEqual([
      ['warning', 'Output "us" of router "r" leads nowhere: its messages are dropped'],
      ['error', 'A connection leaves router "r" from output "apac", which it no longer has'],
    ]);
  });
});
