import { describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import { createGraphqlClient } from '../../src-main/engine/transports/graphql/graphql-client';
import { createRestClient } from '../../src-main/engine/transports/http/rest-client';
import { nodeOf, templateOnFreePorts, templateProblems, type TemplateDoc } from './helpers/api-templates';
import { AMQP_URL, KAFKA_BROKERS } from './helpers/brokers';
import { untilStatus, useEngine } from './helpers/engine';

const ENVIRONMENTS: Array<[string, Environment]> = [
  ['Embedded', { kind: 'embedded' }],
  ['Local brokers', { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL }],
];

/** The query of the pattern page, word for word. */
const PAGE_QUERY = /user\(id: 123\) \{\s+name\s+orders\(last: 5\) \{\s+total\s+items \{ name \}\s+\}\s+\}/;

interface SeedOrder {
  userId: number;
  total: number;
  items: Array<{ name: string }>;
}

const startEngine = useEngine('pattern-graphql');

/** What the query must answer, from the services' seeds: user 123's name and last five orders, only the asked fields. */
function expectedData(doc: TemplateDoc): unknown {
  const seedOf = (id: string): unknown[] =>
    JSON.parse((nodeOf(doc, id).config.resources as Array<{ seed: string }>)[0].seed) as unknown[];
  const user = (seedOf('users') as Array<{ id: number; name: string }>).find((u) => u.id === 123);
  const orders = (seedOf('orders') as SeedOrder[]).filter((o) => o.userId === 123).slice(-5);
  return {
    user: {
      name: user?.name,
      orders: orders.map((o) => ({ total: o.total, items: o.items.map((i) => ({ name: i.name })) })),
    },
  };
}

describe('GraphQL template', () => {
  it('opens with no validation problems', () => {
    expect(templateProblems('graphql')).toEqual([]);
  });

  describe.each(ENVIRONMENTS)('on %s', (label, environment) => {
    it("answers the page's query from the users and orders services with exactly the asked fields, in fewer bytes than REST", async () => {
      const { engine: e } = await startEngine();
      const doc = await templateOnFreePorts('graphql');
      const query = nodeOf(doc, 'app').config.query as string;
      expect(query).toMatch(PAGE_QUERY);
      for (const id of ['app', 'web-user', 'web-orders'])
        Object.assign(nodeOf(doc, id).config, { rate: 50, count: 5 });
      const port = (id: string): number => nodeOf(doc, id).config.port as number;
      const started = await e.handlers['run.start']({ flow: doc, environment });
      if (!started.ok) throw new Error(JSON.stringify(started.problems));
      const s = await untilStatus(e, 'every client done', (x) =>
        ['app', 'web-user', 'web-orders'].every((id) => x.counters[id]?.status === 'done'),
      );
      for (const id of ['app', 'api', 'users', 'orders', 'web-user', 'web-orders'])
        expect(s.counters[id], id).toMatchObject({ errors: 0 });
      // Each query made one call to each service; the REST clients one each.
      expect(s.counters.users?.received).toBe(10);
      expect(s.counters.orders?.received).toBe(10);

      const graphql = createGraphqlClient({ url: `http://127.0.0.1:${port('api')}/graphql` });
      const users = createRestClient({ baseUrl: `http://127.0.0.1:${port('users')}` });
      const orders = createRestClient({ baseUrl: `http://127.0.0.1:${port('orders')}` });
      try {
        const answer = await graphql.execute({ query });
        expect(answer.errors).toBeUndefined();
        // The exact shape: the user's name and the last five orders' totals and item names, nothing else.
        expect(answer.data).toStrictEqual(expectedData(doc));

        // The equivalent REST calls fetch whole resources: every field, links included.
        const user = await users.call({ method: 'GET', url: '/v1/users/123' });
        const lastOrders = await orders.call({ method: 'GET', url: '/v1/users/123/orders?last=5' });
        expect(JSON.parse(user.body.toString('utf8'))).toHaveProperty('address');
        expect(JSON.parse(lastOrders.body.toString('utf8')).items[0]).toHaveProperty('shippingAddress');
        const rest = user.body.length + lastOrders.body.length;
        expect(answer.bytes.response).toBeLessThan(rest);

        // The clients of the run measured the same sizes per reply.
        const perReply = (id: string): number =>
          (s.counters[id]?.bytesIn ?? 0) / (s.counters[id]?.received ?? 1);
        expect(perReply('app')).toBe(answer.bytes.response);
        expect(perReply('web-user')).toBe(user.body.length);
        expect(perReply('web-orders')).toBe(lastOrders.body.length);
        // Behind the endpoint, the service still fetched both whole resources for every query.
        expect(perReply('api')).toBe(rest);
        console.info(
          `GraphQL vs REST on ${label}: one query fetched ${answer.bytes.response} B; ` +
            `the two REST calls fetched ${user.body.length} + ${lastOrders.body.length} = ${rest} B ` +
            `(${(rest / answer.bytes.response).toFixed(1)}×)`,
        );
      } finally {
        await graphql.close();
        await users.close();
        await orders.close();
      }
      await e.handlers['run.stop']({});
    });
  });
});
