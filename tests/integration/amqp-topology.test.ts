import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFlowValue } from '@shared/flow/parse';
import { declareTopology, rabbitTopology } from '../../src-main/engine/compiler/rabbit-topology';
import { createAmqpTransport } from '../../src-main/engine/transports/amqp/amqp-transport';
import { readXDeath } from '../../src-main/engine/transports/amqp/amqp-message';
import type { ExchangeMessage } from '../../src-main/engine/transports/transport';
import { createAmqpInspector } from './helpers/amqp-inspector';
import { AMQP_URL, recordEvents } from './helpers/brokers';

const inspector = createAmqpInspector();
afterAll(() => inspector.cleanup());

const at = { x: 0, y: 0 };
const msg = (routingKey: string, tag: string, headers: Record<string, string> = {}): ExchangeMessage => ({
  routingKey,
  headers: { tag, ...headers },
  payload: Buffer.from(tag),
});
// Confirmed publishes are already in their queues, so after reading the expected number the
// queue must be empty: nothing else was routed there.
const tagsIn = async (queue: string, expected: number): Promise<string[]> => {
  const got = await inspector.drain(queue, expected);
  expect((await (await inspector.channel()).checkQueue(queue)).messageCount).toBe(0);
  return got.map((m) => String(m.properties.headers?.tag)).sort();
};

describe('amqp topology declared from node configs', () => {
  it('routes by routing key, topic pattern, fanout and header match (all / any) as the flow binds them', async () => {
    const x = {
      d: inspector.exchange('fb-top-d'),
      t: inspector.exchange('fb-top-t'),
      f: inspector.exchange('fb-top-f'),
      h: inspector.exchange('fb-top-h'),
    };
    const q = {
      paid: inspector.queue('fb-top-paid'),
      eu: inspector.queue('fb-top-eu'),
      all: inspector.queue('fb-top-all'),
      hall: inspector.queue('fb-top-hall'),
      hany: inspector.queue('fb-top-hany'),
    };
    const parsed = parseFlowValue({
      version: 2,
      name: 'routing',
      nodes: [
        {
          id: 'd',
          kind: 'rabbitExchange',
          position: at,
          config: { exchange: x.d, type: 'direct', durable: false },
        },
        {
          id: 't',
          kind: 'rabbitExchange',
          position: at,
          config: { exchange: x.t, type: 'topic', durable: false },
        },
        {
          id: 'f',
          kind: 'rabbitExchange',
          position: at,
          config: { exchange: x.f, type: 'fanout', durable: false },
        },
        {
          id: 'h',
          kind: 'rabbitExchange',
          position: at,
          config: { exchange: x.h, type: 'headers', durable: false },
        },
        ...Object.entries(q).map(([id, queue]) => ({
          id,
          kind: 'rabbitQueue',
          position: at,
          config: { queue },
        })),
      ],
      edges: [
        { id: 'e1', source: 'd', target: 'paid', config: { routingKey: 'order.paid' } },
        { id: 'e2', source: 't', target: 'eu', config: { pattern: 'order.*.eu' } },
        { id: 'e3', source: 'f', target: 'all' },
        {
          id: 'e4',
          source: 'h',
          target: 'hall',
          config: { headerMatch: { xMatch: 'all', headers: { region: 'eu', tier: 'gold' } } },
        },
        {
          id: 'e5',
          source: 'h',
          target: 'hany',
          config: { headerMatch: { xMatch: 'any', headers: { region: 'eu', tier: 'gold' } } },
        },
        // Exchange to exchange: everything the direct exchange routes as "order.paid" is also fanned out.
        { id: 'e6', source: 'd', target: 'f', config: { routingKey: 'order.paid' } },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const { events, sink } = recordEvents();
    const transport = createAmqpTransport({ url: AMQP_URL, onEvent: sink });
    try {
      await declareTopology(transport, rabbitTopology(parsed.flow));
      const publisher = await transport.createExchangePublisher();
      const outcomes = [
        ...(await publisher.publishTo(x.d, [msg('order.paid', 'd-paid'), msg('order.new', 'd-new')])),
        ...(await publisher.publishTo(x.t, [
          msg('order.1.eu', 't-eu'),
          msg('order.1.us', 't-us'),
          msg('order.1.2.eu', 't-deep'),
        ])),
        ...(await publisher.publishTo(x.f, [msg('anything', 'f-any')])),
        ...(await publisher.publishTo(x.h, [
          msg('', 'h-both', { region: 'eu', tier: 'gold' }),
          msg('', 'h-one', { region: 'eu', tier: 'free' }),
          msg('', 'h-none', { region: 'us' }),
        ])),
      ];
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
      expect(await tagsIn(q.paid, 1)).toEqual(['d-paid']);
      expect(await tagsIn(q.eu, 1)).toEqual(['t-eu']);
      expect(await tagsIn(q.all, 2)).toEqual(['d-paid', 'f-any']);
      expect(await tagsIn(q.hall, 1)).toEqual(['h-both']);
      expect(await tagsIn(q.hany, 2)).toEqual(['h-both', 'h-one']);
      expect(events).toEqual([]);
    } finally {
      await transport.close();
    }
  });

  it('declares classic and quorum queues with TTL, max length, overflow and dead-letter arguments', async () => {
    const classic = inspector.queue('fb-top-classic');
    const quorum = inspector.queue('fb-top-quorum');
    const dlq = inspector.queue('fb-top-dlq');
    const transport = createAmqpTransport({ url: AMQP_URL, onEvent: () => undefined });
    try {
      await transport.ensureQueue({ queue: dlq, durable: false });
      await transport.ensureQueue({
        queue: classic,
        durable: true,
        messageTtlMs: 60_000,
        maxLength: 10,
        overflow: 'reject-publish-dlx',
        deadLetterExchange: '',
        deadLetterRoutingKey: dlq,
      });
      await transport.ensureQueue({
        queue: quorum,
        durable: true,
        queueType: 'quorum',
        maxLength: 5,
        overflow: 'reject-publish',
        maxDeliveries: 3,
      });
      const { stdout } = await promisify(execFile)('rabbitmqctl', [
        '-n',
        'rabbit@localhost',
        '-q',
        'list_queues',
        'name',
        'type',
        'durable',
        'arguments',
        '--formatter',
        'json',
      ]);
      // rabbitmqctl lists arguments as [name, type, value] triples.
      const listed = (
        JSON.parse(stdout) as Array<{
          name: string;
          type: string;
          durable: boolean;
          arguments: Array<[string, string, unknown]>;
        }>
      ).map((l) => ({
        ...l,
        arguments: Object.fromEntries(l.arguments.map(([name, , value]) => [name, value])),
      }));
      expect(listed.find((l) => l.name === classic)).toMatchObject({
        type: 'classic',
        durable: true,
        arguments: {
          'x-message-ttl': 60000,
          'x-max-length': 10,
          'x-overflow': 'reject-publish-dlx',
          'x-dead-letter-exchange': '',
          'x-dead-letter-routing-key': dlq,
        },
      });
      expect(listed.find((l) => l.name === quorum)).toMatchObject({
        type: 'quorum',
        durable: true,
        arguments: {
          'x-queue-type': 'quorum',
          'x-max-length': 5,
          'x-overflow': 'reject-publish',
          'x-delivery-limit': 3,
        },
      });
      // A quorum queue that is not durable is refused before anything reaches the broker.
      await expect(
        transport.ensureQueue({ queue: quorum, durable: false, queueType: 'quorum' }),
      ).rejects.toThrow(/must be durable/);
    } finally {
      await transport.close();
    }
  });

  it('expires messages after the TTL into the dead-letter queue, with x-death saying why', async () => {
    const work = inspector.queue('fb-top-ttl');
    const dlq = inspector.queue('fb-top-ttl-dlq');
    const transport = createAmqpTransport({ url: AMQP_URL, onEvent: () => undefined });
    try {
      await transport.ensureQueue({ queue: dlq, durable: false });
      await transport.ensureQueue({
        queue: work,
        durable: false,
        messageTtlMs: 100,
        deadLetterExchange: '',
        deadLetterRoutingKey: dlq,
      });
      const publisher = await transport.createExchangePublisher();
      await publisher.publishTo('', [msg(work, 'expires')]);
      const [dead] = await inspector.drain(dlq, 1);
      expect(dead.content.toString()).toBe('expires');
      const seen: Array<{ headers: Record<string, string> }> = [];
      // Read it the way the engine does, through the transport, to check the x-death text.
      await publisher.publishTo('', [msg(work, 'again')]);
      const consumer = await transport.consume({
        queue: dlq,
        prefetch: 1,
        onMessage: async (delivery) => {
          seen.push({ headers: delivery.message.headers });
          delivery.ack();
        },
      });
      const deadline = Date.now() + 10_000;
      while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await consumer.close();
      expect(readXDeath(seen[0].headers)).toEqual([
        expect.objectContaining({ queue: work, reason: 'expired', count: 1, routingKeys: [work] }),
      ]);
    } finally {
      await transport.close();
    }
  });

  it('keeps the newest messages with drop-head, refuses with reject-publish, dead-letters with reject-publish-dlx', async () => {
    const head = inspector.queue('fb-top-head');
    const refuse = inspector.queue('fb-top-refuse');
    const refuseDlx = inspector.queue('fb-top-refuse-dlx');
    const dlq = inspector.queue('fb-top-over-dlq');
    const transport = createAmqpTransport({ url: AMQP_URL, onEvent: () => undefined });
    try {
      await transport.ensureQueue({ queue: dlq, durable: false });
      await transport.ensureQueue({ queue: head, durable: false, maxLength: 2 });
      await transport.ensureQueue({
        queue: refuse,
        durable: false,
        maxLength: 2,
        overflow: 'reject-publish',
      });
      await transport.ensureQueue({
        queue: refuseDlx,
        durable: false,
        maxLength: 2,
        overflow: 'reject-publish-dlx',
        deadLetterExchange: '',
        deadLetterRoutingKey: dlq,
      });
      const publisher = await transport.createExchangePublisher();
      const five = (queue: string): ExchangeMessage[] =>
        ['1', '2', '3', '4', '5'].map((tag) => msg(queue, tag));
      expect((await publisher.publishTo('', five(head))).map((o) => o.status)).toEqual(
        Array(5).fill('confirmed'),
      );
      expect((await publisher.publishTo('', five(refuse))).map((o) => o.status)).toEqual([
        'confirmed',
        'confirmed',
        'nacked',
        'nacked',
        'nacked',
      ]);
      expect((await publisher.publishTo('', five(refuseDlx))).map((o) => o.status)).toEqual([
        'confirmed',
        'confirmed',
        'nacked',
        'nacked',
        'nacked',
      ]);
      expect(await tagsIn(head, 2)).toEqual(['4', '5']);
      expect(await tagsIn(refuse, 2)).toEqual(['1', '2']);
      expect(await tagsIn(refuseDlx, 2)).toEqual(['1', '2']);
      expect(await tagsIn(dlq, 3)).toEqual(['3', '4', '5']);
    } finally {
      await transport.close();
    }
  });
});
