import { describe, expect, it } from 'vitest';
import { backoffDelay } from './amqp-backoff';
import { readXDeath } from './amqp-message';
import { bindingArguments, checkQueueSpec, queueArguments, TopologyRecord } from './amqp-topology';

describe('amqp queue and binding arguments', () => {
  it('sets only the x-arguments a spec asks for', () => {
    expect(queueArguments({ queue: 'q', durable: false })).toEqual({});
    expect(
      queueArguments({
        queue: 'q',
        durable: true,
        queueType: 'quorum',
        messageTtlMs: 1000,
        maxLength: 5,
        overflow: 'reject-publish',
        deadLetterExchange: '',
        deadLetterRoutingKey: 'q.dlq',
        maxDeliveries: 3,
      }),
    ).toEqual({
      'x-queue-type': 'quorum',
      'x-message-ttl': 1000,
      'x-max-length': 5,
      'x-overflow': 'reject-publish',
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': 'q.dlq',
      'x-delivery-limit': 3,
    });
  });

  it('leaves the delivery limit of a classic queue to the consumer and drop-head to the default', () => {
    expect(
      queueArguments({
        queue: 'q',
        durable: false,
        maxLength: 2,
        overflow: 'drop-head',
        deadLetterExchange: 'dlx',
        maxDeliveries: 2,
      }),
    ).toEqual({ 'x-max-length': 2, 'x-dead-letter-exchange': 'dlx' });
  });

  it('refuses what RabbitMQ would refuse by closing the channel', () => {
    expect(checkQueueSpec({ queue: 'q', durable: false, queueType: 'quorum' })).toMatch(
      /quorum queues must be durable/,
    );
    expect(
      checkQueueSpec({ queue: 'q', durable: true, queueType: 'quorum', overflow: 'reject-publish-dlx' }),
    ).toMatch(/reject-publish-dlx/);
    expect(checkQueueSpec({ queue: 'q', durable: true, queueType: 'quorum' })).toBeUndefined();
  });

  it('turns a header match into a binding table', () => {
    expect(
      bindingArguments({
        exchange: 'h',
        destination: 'q',
        destinationType: 'queue',
        headerMatch: { xMatch: 'any', headers: { a: '1' } },
      }),
    ).toEqual({ 'x-match': 'any', a: '1' });
    expect(
      bindingArguments({ exchange: 'd', destination: 'q', destinationType: 'queue', routingKey: 'k' }),
    ).toBeUndefined();
  });

  it('records declarations for a redeclare: exchanges, then queues, then bindings; a redeclared name once', () => {
    const record = new TopologyRecord();
    record.add({
      kind: 'binding',
      spec: { exchange: 'x', destination: 'q', destinationType: 'queue', routingKey: 'a' },
    });
    record.add({ kind: 'queue', spec: { queue: 'q', durable: false } });
    record.add({ kind: 'exchange', spec: { exchange: 'x', type: 'direct', durable: true } });
    record.add({ kind: 'queue', spec: { queue: 'q', durable: true } });
    expect(record.all().map((d) => d.kind)).toEqual(['exchange', 'queue', 'binding']);
    expect(record.queue('q')).toEqual({ queue: 'q', durable: true });
  });
});

describe('reconnect backoff', () => {
  it('doubles from the initial delay and never passes the bound', () => {
    const mid = (): number => 0.5;
    const settings = { initialMs: 100, maxMs: 1000 };
    expect([0, 1, 2, 3, 4, 10, 60].map((n) => backoffDelay(n, settings, mid))).toEqual([
      100, 200, 400, 800, 1000, 1000, 1000,
    ]);
    expect(backoffDelay(0, settings, () => 0)).toBe(80);
    expect(backoffDelay(20, settings, () => 0.999)).toBe(1000);
  });
});

describe('x-death reader', () => {
  it('reads the JSON form of the header and ignores junk', () => {
    const headers = {
      'x-death': JSON.stringify([
        { count: '3', reason: 'rejected', queue: 'work', exchange: '', 'routing-keys': ['work'] },
      ]),
    };
    expect(readXDeath(headers)).toEqual([
      { queue: 'work', reason: 'rejected', count: 3, exchange: '', routingKeys: ['work'] },
    ]);
    expect(readXDeath({ 'x-death': 'not json' })).toEqual([]);
    expect(readXDeath({})).toEqual([]);
  });
});
