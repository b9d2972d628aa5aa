import { describe, expect, it } from 'vitest';
import { readXDeath } from '../amqp/amqp-message';
import { addDeath, bindingTakes, headersMatch, topicMatches } from './exchange-routing';

describe('exchange routing', () => {
  it('matches topic patterns word by word, * one word and # zero or more', () => {
    expect(topicMatches('orders.*.eu', 'orders.1.eu')).toBe(true);
    expect(topicMatches('orders.*.eu', 'orders.1.2.eu')).toBe(false);
    expect(topicMatches('orders.#', 'orders')).toBe(true);
    expect(topicMatches('orders.#', 'orders.a.b.c')).toBe(true);
    expect(topicMatches('#.eu', 'orders.1.eu')).toBe(true);
    expect(topicMatches('#', '')).toBe(true);
    expect(topicMatches('a.#.z', 'a.z')).toBe(true);
    expect(topicMatches('a.#.z', 'a.b.c.y')).toBe(false);
    expect(topicMatches('orders.paid', 'orders.paid')).toBe(true);
    expect(topicMatches('*', 'a.b')).toBe(false);
  });

  it('matches headers all or any, and an empty all-match takes everything', () => {
    const match = { xMatch: 'all' as const, headers: { region: 'eu', tier: 'gold' } };
    expect(headersMatch(match, { region: 'eu', tier: 'gold', extra: '1' })).toBe(true);
    expect(headersMatch(match, { region: 'eu' })).toBe(false);
    expect(headersMatch({ ...match, xMatch: 'any' }, { region: 'eu' })).toBe(true);
    expect(headersMatch({ ...match, xMatch: 'any' }, { region: 'us' })).toBe(false);
    expect(headersMatch({ xMatch: 'all', headers: {} }, {})).toBe(true);
  });

  it('applies the rule of the exchange type', () => {
    const binding = { exchange: 'x', destination: 'q', destinationType: 'queue' as const, routingKey: 'a.*' };
    expect(bindingTakes('direct', binding, 'a.*', {})).toBe(true);
    expect(bindingTakes('direct', binding, 'a.b', {})).toBe(false);
    expect(bindingTakes('topic', binding, 'a.b', {})).toBe(true);
    expect(bindingTakes('fanout', binding, 'zzz', {})).toBe(true);
  });

  it('keeps x-death as RabbitMQ does: one entry per queue and reason, counted, latest first', () => {
    const first = addDeath(undefined, {
      reason: 'rejected',
      queue: 'work',
      exchange: '',
      routingKey: 'work',
    });
    const second = addDeath(first, { reason: 'expired', queue: 'retry', exchange: 'r', routingKey: 'work' });
    const third = addDeath(second, { reason: 'rejected', queue: 'work', exchange: '', routingKey: 'work' });
    expect(readXDeath({ 'x-death': third })).toEqual([
      { queue: 'work', reason: 'rejected', count: 2, exchange: '', routingKeys: ['work'] },
      { queue: 'retry', reason: 'expired', count: 1, exchange: 'r', routingKeys: ['work'] },
    ]);
  });
});
