import { describe, expect, it } from 'vitest';
import { readXDeath } from '../amqp/amqp-message';
import type { ExchangeDelivery, ExchangeMessage, ExchangeTransport, IncomingMessage } from '../transport';
import { createEmbeddedExchanges } from './embedded-exchanges';

const msg = (routingKey: string, tag: string, headers: Record<string, string> = {}): ExchangeMessage => ({
  routingKey,
  messageId: tag,
  headers: { tag, ...headers },
  payload: Buffer.from(tag),
});

async function waitFor(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Collects a queue's deliveries, settling each with `settle` (ack by default). */
async function collect(
  broker: ExchangeTransport,
  queue: string,
  settle: (delivery: ExchangeDelivery) => void = (d) => d.ack(),
): Promise<IncomingMessage[]> {
  const seen: IncomingMessage[] = [];
  await broker.consume({
    queue,
    prefetch: 10,
    onMessage: async (delivery) => {
      seen.push(delivery.message);
      settle(delivery);
    },
  });
  return seen;
}

const tags = (messages: IncomingMessage[]): string[] => messages.map((m) => m.headers.tag).sort();

describe('embedded exchanges', () => {
  it('route by routing key, topic pattern, fanout, header match and exchange to exchange', async () => {
    const broker = createEmbeddedExchanges();
    await broker.ensureExchange({ exchange: 'd', type: 'direct', durable: true });
    await broker.ensureExchange({ exchange: 't', type: 'topic', durable: true });
    await broker.ensureExchange({ exchange: 'f', type: 'fanout', durable: true });
    await broker.ensureExchange({ exchange: 'h', type: 'headers', durable: true });
    for (const queue of ['paid', 'eu', 'all', 'hall', 'hany'])
      await broker.ensureQueue({ queue, durable: false });
    await broker.bind({
      exchange: 'd',
      destination: 'paid',
      destinationType: 'queue',
      routingKey: 'order.paid',
    });
    await broker.bind({
      exchange: 't',
      destination: 'eu',
      destinationType: 'queue',
      routingKey: 'order.*.eu',
    });
    await broker.bind({ exchange: 'f', destination: 'all', destinationType: 'queue' });
    const match = { region: 'eu', tier: 'gold' };
    await broker.bind({
      exchange: 'h',
      destination: 'hall',
      destinationType: 'queue',
      headerMatch: { xMatch: 'all', headers: match },
    });
    await broker.bind({
      exchange: 'h',
      destination: 'hany',
      destinationType: 'queue',
      headerMatch: { xMatch: 'any', headers: match },
    });
    await broker.bind({
      exchange: 'd',
      destination: 'f',
      destinationType: 'exchange',
      routingKey: 'order.paid',
    });
    const got = Object.fromEntries(
      await Promise.all(
        ['paid', 'eu', 'all', 'hall', 'hany'].map(async (q) => [q, await collect(broker, q)] as const),
      ),
    );
    const publisher = await broker.createExchangePublisher();
    const outcomes = [
      ...(await publisher.publishTo('d', [msg('order.paid', 'd-paid'), msg('order.new', 'd-new')])),
      ...(await publisher.publishTo('t', [
        msg('order.1.eu', 't-eu'),
        msg('order.1.us', 't-us'),
        msg('order.1.2.eu', 't-deep'),
      ])),
      ...(await publisher.publishTo('f', [msg('anything', 'f-any')])),
      ...(await publisher.publishTo('h', [
        msg('', 'h-both', { region: 'eu', tier: 'gold' }),
        msg('', 'h-one', { region: 'eu', tier: 'free' }),
        msg('', 'h-none', { region: 'us' }),
      ])),
    ];
    // The same outcomes as the integration test on the real broker (amqp-topology.test.ts).
    expect(outcomes.map((o) => o.status)).toEqual([
      'confirmed',
      'unroutable',
      'confirmed',
      'unroutable',
      'unroutable',
      'confirmed',
      'confirmed',
      'confirmed',
      'unroutable',
    ]);
    await waitFor('deliveries', () => got.hany.length === 2 && got.all.length === 2);
    expect(tags(got.paid)).toEqual(['d-paid']);
    expect(tags(got.eu)).toEqual(['t-eu']);
    expect(tags(got.all)).toEqual(['d-paid', 'f-any']);
    expect(tags(got.hall)).toEqual(['h-both']);
    expect(tags(got.hany)).toEqual(['h-both', 'h-one']);
    expect(got.paid[0]).toMatchObject({
      exchange: 'd',
      routingKey: 'order.paid',
      messageId: 'd-paid',
      redelivered: false,
    });
    await broker.close();
  });

  it('fail a publish to a missing exchange naming it, and refuse conflicting declarations', async () => {
    const broker = createEmbeddedExchanges();
    const publisher = await broker.createExchangePublisher();
    expect(await publisher.publishTo('nope', [msg('k', 'a')])).toEqual([
      {
        messageId: 'a',
        status: 'failed',
        error: `Publishing to exchange "nope" failed: NOT_FOUND - no exchange 'nope' in vhost '/'`,
      },
    ]);
    await broker.ensureExchange({ exchange: 'x', type: 'fanout', durable: true });
    await expect(broker.ensureExchange({ exchange: 'x', type: 'topic', durable: true })).rejects.toThrow(
      /PRECONDITION_FAILED - inequivalent arg 'type'/,
    );
    await broker.close();
  });

  it('apply max length with drop-head, reject-publish and reject-publish-dlx', async () => {
    const broker = createEmbeddedExchanges();
    await broker.ensureQueue({ queue: 'dlq', durable: false });
    await broker.ensureQueue({ queue: 'head', durable: false, maxLength: 2 });
    await broker.ensureQueue({ queue: 'refuse', durable: false, maxLength: 2, overflow: 'reject-publish' });
    await broker.ensureQueue({
      queue: 'refuse-dlx',
      durable: false,
      maxLength: 2,
      overflow: 'reject-publish-dlx',
      deadLetterExchange: '',
      deadLetterRoutingKey: 'dlq',
    });
    const publisher = await broker.createExchangePublisher();
    const five = (queue: string): ExchangeMessage[] =>
      ['1', '2', '3', '4', '5'].map((tag) => msg(queue, tag));
    expect((await publisher.publishTo('', five('head'))).map((o) => o.status)).toEqual(
      Array(5).fill('confirmed'),
    );
    expect((await publisher.publishTo('', five('refuse'))).map((o) => o.status)).toEqual([
      'confirmed',
      'confirmed',
      'nacked',
      'nacked',
      'nacked',
    ]);
    expect((await publisher.publishTo('', five('refuse-dlx'))).map((o) => o.status)).toEqual([
      'confirmed',
      'confirmed',
      'nacked',
      'nacked',
      'nacked',
    ]);
    const head = await collect(broker, 'head');
    const dead = await collect(broker, 'dlq');
    await waitFor('deliveries', () => head.length === 2 && dead.length === 3);
    expect(tags(head)).toEqual(['4', '5']);
    expect(tags(dead)).toEqual(['3', '4', '5']);
    expect(readXDeath(dead[0].headers)[0]).toMatchObject({ reason: 'maxlen', queue: 'refuse-dlx' });
    await broker.close();
  });

  it('expire messages after the TTL into the dead-letter queue with x-death', async () => {
    const broker = createEmbeddedExchanges();
    await broker.ensureQueue({ queue: 'dlq', durable: false });
    await broker.ensureQueue({
      queue: 'work',
      durable: false,
      messageTtlMs: 20,
      deadLetterExchange: '',
      deadLetterRoutingKey: 'dlq',
    });
    await (await broker.createExchangePublisher()).publishTo('', [msg('work', 'old')]);
    const dead = await collect(broker, 'dlq');
    await waitFor('the expired message', () => dead.length === 1);
    expect(readXDeath(dead[0].headers)).toEqual([
      { queue: 'work', reason: 'expired', count: 1, exchange: '', routingKeys: ['work'] },
    ]);
    await broker.close();
  });

  it('requeue marked redelivered, dead-letter nacks and rejects, and stop after max delivery attempts', async () => {
    const broker = createEmbeddedExchanges();
    await broker.ensureQueue({ queue: 'dlq', durable: true });
    for (const [queue, queueType] of [
      ['classic', 'classic'],
      ['quorum', 'quorum'],
      ['settle', 'classic'],
    ] as const) {
      await broker.ensureQueue({
        queue,
        durable: true,
        queueType,
        maxDeliveries: 2,
        deadLetterExchange: '',
        deadLetterRoutingKey: 'dlq',
      });
    }
    const dead = await collect(broker, 'dlq');
    const failing = await collect(broker, 'classic', (d) => d.nack(true));
    const failingQuorum = await collect(broker, 'quorum', (d) => d.reject(true));
    const settled = await collect(broker, 'settle', (d) => {
      const name = d.message.headers.tag;
      if (name === 'ack' || d.message.redelivered) d.ack();
      else if (name === 'requeue') d.nack(true);
      else if (name === 'nack') d.nack(false);
      else d.reject(false);
    });
    const publisher = await broker.createExchangePublisher();
    await publisher.publishTo('', [msg('classic', 'poison'), msg('quorum', 'poison-q')]);
    await publisher.publishTo('', [
      msg('settle', 'ack'),
      msg('settle', 'requeue'),
      msg('settle', 'nack'),
      msg('settle', 'reject'),
    ]);
    await waitFor('four dead letters', () => dead.length === 4);
    // As on RabbitMQ: two failed deliveries come back, the third is dead-lettered.
    expect(failing).toHaveLength(3);
    expect(failingQuorum).toHaveLength(3);
    expect(failing.map((m) => m.redelivered)).toEqual([false, true, true]);
    expect(settled.map((m) => `${m.headers.tag}${m.redelivered ? '*' : ''}`).sort()).toEqual([
      'ack',
      'nack',
      'reject',
      'requeue',
      'requeue*',
    ]);
    const reasons = Object.fromEntries(dead.map((m) => [m.headers.tag, readXDeath(m.headers)[0].reason]));
    expect(reasons).toEqual({
      poison: 'rejected',
      'poison-q': 'delivery_limit',
      nack: 'rejected',
      reject: 'rejected',
    });
    await broker.close();
  });

  it('holds at most prefetch unacked deliveries and serves the point-to-point publisher', async () => {
    const broker = createEmbeddedExchanges();
    await broker.ensureQueue({ queue: 'q', durable: false });
    const held: ExchangeDelivery[] = [];
    await broker.consume({ queue: 'q', prefetch: 3, onMessage: async (d) => void held.push(d) });
    const publisher = await broker.createPublisher();
    await publisher.publish(
      'q',
      Array.from({ length: 10 }, (_, i) => ({ headers: {}, payload: Buffer.from(String(i)) })),
    );
    await waitFor('three', () => held.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(held).toHaveLength(3);
    held[0].ack();
    await waitFor('a fourth', () => held.length === 4);
    await expect(publisher.publish('missing', [{ headers: {}, payload: Buffer.from('x') }])).rejects.toThrow(
      /1 of 1 messages were not routed: no queue "missing"/,
    );
    await broker.close();
  });
});
