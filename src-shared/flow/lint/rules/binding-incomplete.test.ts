import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { bindingIncomplete } from './binding-incomplete';

describe('binding-incomplete', () => {
  it('asks each exchange type for its own binding setting and notes ignored ones', () => {
    const flow = testFlow(
      [
        ['direct', 'rabbitExchange', { type: 'direct' }],
        ['topic', 'rabbitExchange', { type: 'topic' }],
        ['headers', 'rabbitExchange', { type: 'headers' }],
        ['fanout', 'rabbitExchange', { type: 'fanout' }],
        ['q1', 'rabbitQueue'],
        ['q2', 'rabbitQueue'],
      ],
      [
        ['direct', 'q1'],
        ['direct', 'q2', { config: { routingKey: 'orders' } }],
        ['topic', 'q1', { config: { routingKey: 'orders' } }],
        ['headers', 'q1', { config: { headerMatch: { xMatch: 'any', headers: { region: 'eu' } } } }],
        ['fanout', 'q1'],
      ],
    );
    expect(bindingIncomplete(flow).map((f) => [f.edgeId, f.severity, f.message])).toEqual([
      [
        'direct>q1',
        'warning',
        'The binding from "direct" to "q1" has no routing key: only messages published without a key arrive',
      ],
      [
        'topic>q1',
        'warning',
        'The binding from "topic" to "q1" has no topic pattern: set one such as "orders.*" or "orders.#"',
      ],
      [
        'topic>q1',
        'info',
        'The binding from "topic" to "q1" sets a routing key, which a topic exchange ignores',
      ],
    ]);
  });

  it('wants headers on a headers exchange', () => {
    const flow = testFlow(
      [
        ['h', 'rabbitExchange', { type: 'headers' }],
        ['q', 'rabbitQueue'],
      ],
      [['h', 'q']],
    );
    expect(bindingIncomplete(flow)[0].message).toBe(
      'The binding from "h" to "q" matches no headers: add the headers a message must carry',
    );
  });
});
