import { describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import { createRestClient, type RestCallResult } from '../../src-main/engine/transports/http/rest-client';
import { nodeOf, templateOnFreePorts, templateProblems } from './helpers/api-templates';
import { AMQP_URL, KAFKA_BROKERS } from './helpers/brokers';
import { untilStatus, useEngine } from './helpers/engine';

const ENVIRONMENTS: Array<[string, Environment]> = [
  ['Embedded', { kind: 'embedded' }],
  ['Local brokers', { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL }],
];

interface Link {
  href: string;
}
interface Order {
  id: number | string;
  customer: string;
  total: number;
  status?: string;
  _links: { self: Link; collection: Link };
}
interface OrderPage {
  items: Order[];
  count: number;
  _links: { self: Link; next?: Link; item: Link[] };
}

const startEngine = useEngine('pattern-rest');

function json<T>(res: RestCallResult): T {
  return JSON.parse(res.body.toString('utf8')) as T;
}

describe('REST API template', () => {
  it('opens with no validation problems', () => {
    expect(templateProblems('rest-api')).toEqual([]);
  });

  describe.each(ENVIRONMENTS)('on %s', (_label, environment) => {
    it('a client walks create → list pages → follow links → update → delete with the right codes', async () => {
      const { engine: e } = await startEngine();
      const doc = await templateOnFreePorts('rest-api');
      Object.assign(nodeOf(doc, 'checkout').config, { rate: 50, count: 7 });
      Object.assign(nodeOf(doc, 'back-office').config, { rate: 50, count: 3 });
      const port = nodeOf(doc, 'orders-api').config.port as number;
      const started = await e.handlers['run.start']({ flow: doc, environment });
      if (!started.ok) throw new Error(JSON.stringify(started.problems));
      const s = await untilStatus(e, 'the template clients done', (x) =>
        ['checkout', 'back-office', 'cleanup'].every((id) => x.counters[id]?.status === 'done'),
      );
      // The template's own clients: 7 creates, 3 list pages, the 2 seeded orders deleted, no errors.
      for (const id of ['checkout', 'back-office', 'cleanup', 'orders-api'])
        expect(s.counters[id], id).toMatchObject({ errors: 0 });
      expect(s.counters.checkout).toMatchObject({ sent: 7, received: 7 });

      const http = createRestClient({ baseUrl: `http://127.0.0.1:${port}` });
      try {
        const post = (body: unknown): Promise<RestCallResult> =>
          http.call({ method: 'POST', url: '/v1/orders', body: JSON.stringify(body) });

        // Create: 201, a Location that names the new item, and links to itself and its collection.
        const created = await post({ id: 'A-1', customer: 'Grace Hopper', total: 99.5 });
        expect(created.status).toBe(201);
        expect(created.headers.location).toBe('/v1/orders/A-1');
        const order = json<Order>(created);
        expect(order).toMatchObject({ id: 'A-1', customer: 'Grace Hopper', total: 99.5 });
        expect(order._links).toEqual({
          self: { href: '/v1/orders/A-1' },
          collection: { href: '/v1/orders' },
        });
        const numbered = await post({ customer: 'Edsger Dijkstra', total: 1 });
        expect(numbered.status).toBe(201);
        expect(numbered.headers.location).toBe(`/v1/orders/${json<Order>(numbered).id}`);

        // A conflicting create, an unknown item, an unversioned path, a body that is not an object.
        expect((await post({ id: 'A-1', customer: 'someone else', total: 1 })).status).toBe(409);
        expect((await http.call({ method: 'GET', url: '/v1/orders/nope' })).status).toBe(404);
        expect((await http.call({ method: 'GET', url: '/orders' })).status).toBe(404);
        expect((await post([1, 2])).status).toBe(400);
        expect((await http.call({ method: 'GET', url: '/v1/orders?cursor=forged' })).status).toBe(400);

        // List: follow `next` links (also given as a Link header) until the last page.
        const seen: Array<Order['id']> = [];
        let href: string | undefined = '/v1/orders?limit=3';
        let pages = 0;
        while (href) {
          const res = await http.call({ method: 'GET', url: href });
          expect(res.status).toBe(200);
          const page = json<OrderPage>(res);
          expect(page.items.length).toBeLessThanOrEqual(3);
          expect(page.count).toBe(page.items.length);
          expect(page._links.self.href).toBe(href);
          expect(page._links.item).toEqual(page.items.map((i) => i._links.self));
          expect(res.headers.link).toBe(
            page._links.next ? `<${page._links.next.href}>; rel="next"` : undefined,
          );
          seen.push(...page.items.map((i) => i.id));
          href = page._links.next?.href;
          pages += 1;
        }
        // 7 created by the template, 2 by this test; the 2 seeded ones were deleted by "cleanup".
        expect(seen).toHaveLength(9);
        expect(new Set(seen).size).toBe(9);
        expect(seen).not.toContain(1);
        expect(seen).toContain('A-1');
        expect(pages).toBe(3);

        // Follow an item link; update it; delete it: 204, then 404 on read and on a second delete.
        const item = await http.call({ method: 'GET', url: order._links.self.href });
        expect(json<Order>(item)).toEqual(order);
        const patched = await http.call({
          method: 'PATCH',
          url: '/v1/orders/A-1',
          body: '{"status": "paid"}',
        });
        expect(patched.status).toBe(200);
        expect(json<Order>(patched)).toMatchObject({ id: 'A-1', total: 99.5, status: 'paid' });
        const replaced = await http.call({ method: 'PUT', url: '/v1/orders/A-1', body: '{"total": 10}' });
        expect(json<Order>(replaced)).toMatchObject({ id: 'A-1', total: 10 });
        expect(json<Order>(replaced)).not.toHaveProperty('customer');
        const deleted = await http.call({ method: 'DELETE', url: '/v1/orders/A-1' });
        expect(deleted.status).toBe(204);
        expect(deleted.body.length).toBe(0);
        expect((await http.call({ method: 'GET', url: '/v1/orders/A-1' })).status).toBe(404);
        expect((await http.call({ method: 'DELETE', url: '/v1/orders/A-1' })).status).toBe(404);
        expect((await http.call({ method: 'PUT', url: '/v1/orders/A-1', body: '{}' })).status).toBe(404);
      } finally {
        await http.close();
      }
      await e.handlers['run.stop']({});
    });
  });
});
