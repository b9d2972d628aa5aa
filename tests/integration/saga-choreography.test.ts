import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Environment } from '@shared/run/environment';
import type { Engine } from '../../src-main/engine/engine-types';
import { AMQP_URL, KAFKA_BROKERS, uniqueName, waitFor } from './helpers/brokers';
import { useEngine } from './helpers/engine';

const ENVIRONMENTS: Array<[string, Environment]> = [
  ['Embedded', { kind: 'embedded' }],
  ['Local brokers', { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL }],
];
const startEngine = useEngine('choreography');

/** Where each order fails (the template's `failAt`), and the events that order goes through. */
const EXPECTED: Record<string, string[]> = {
  none: ['OrderCreated', 'InventoryReserved', 'PaymentCharged', 'OrderConfirmed'],
  order: ['OrderRejected'],
  inventory: ['OrderCreated', 'InventoryRejected', 'OrderCancelled'],
  payment: ['OrderCreated', 'InventoryReserved', 'PaymentDeclined', 'InventoryReleased', 'OrderCancelled'],
  confirm: [
    'OrderCreated',
    'InventoryReserved',
    'PaymentCharged',
    'OrderConfirmFailed',
    // The compensations, in reverse order of the steps they undo.
    'PaymentVoided',
    'InventoryReleased',
    'OrderCancelled',
  ],
};
const PER_CASE = 2;

type TemplateNode = { id: string; kind: string; config: Record<string, unknown>; position: unknown };
type TemplateFlow = {
  name: string;
  nodes: TemplateNode[];
  edges: Array<{ id: string; source: string; target: string }>;
};

/** The gallery template, on topics of its own, with one shop per failure point sending PER_CASE orders. */
function templateFlow(): TemplateFlow {
  const flow = JSON.parse(
    readFileSync('resources/templates/saga-choreography.flow.json', 'utf8'),
  ) as TemplateFlow;
  flow.name = uniqueName('choreography');
  for (const n of flow.nodes)
    if (n.kind === 'kafkaTopic') n.config.topic = uniqueName(`saga-${String(n.config.topic)}`);
  const shop = flow.nodes.find((n) => n.id === 'shop') as TemplateNode;
  flow.nodes = flow.nodes.filter((n) => n !== shop);
  flow.edges = flow.edges.filter((e) => e.source !== 'shop');
  for (const failAt of Object.keys(EXPECTED)) {
    flow.nodes.push({
      ...shop,
      id: `shop-${failAt}`,
      config: {
        ...shop.config,
        name: `shop-${failAt}`,
        rate: 50,
        count: PER_CASE,
        payload: `{"orderId": "${failAt}-{{seq}}", "sku": "sku-1", "qty": 2, "amount": 42.5, "failAt": "${failAt}"}`,
      },
    });
    flow.edges.push({ id: `shop-${failAt}->checkout`, source: `shop-${failAt}`, target: 'checkout' });
  }
  return flow;
}

/** The template fed only orders that go through, with faults on demand at one reaction. */
function faultedFlow(node: string): TemplateFlow {
  const flow = templateFlow();
  flow.nodes = flow.nodes.filter((n) => !n.id.startsWith('shop-') || n.id === 'shop-none');
  flow.edges = flow.edges.filter((e) => !e.source.startsWith('shop-') || e.source === 'shop-none');
  const target = flow.nodes.find((n) => n.id === node) as TemplateNode;
  target.config.faults = [{ kind: 'error', probability: 1 }];
  return flow;
}

/** Each order's events (by `type`) in the order they were published. */
async function eventsByOrder(e: Engine, runId: string): Promise<Map<string, string[]>> {
  const { rows } = await e.handlers['messages.list']({ runId, limit: 1000 });
  const byOrder = new Map<string, string[]>();
  for (const row of [...rows].sort((a, b) => a.id - b.id)) {
    const detail = await e.handlers['messages.get']({ id: row.id });
    const event = JSON.parse(detail?.payloadText ?? '{}') as { type?: string; orderId?: string };
    if (!event.type || !event.orderId) continue;
    byOrder.set(event.orderId, [...(byOrder.get(event.orderId) ?? []), event.type]);
  }
  return byOrder;
}

/** Waits until each order's last event is `last(order)`, reading the recorded events one pass at a time. */
async function untilOrdersEnd(
  e: Engine,
  runId: string,
  orders: string[],
  last: (id: string) => string,
): Promise<void> {
  let seen = new Map<string, string[]>();
  let reading = false;
  await waitFor(
    'every order to reach its last event',
    () => {
      if (!reading) {
        reading = true;
        void eventsByOrder(e, runId)
          .then((m) => (seen = m))
          .finally(() => (reading = false));
      }
      return orders.every((id) => seen.get(id)?.at(-1) === last(id));
    },
    90_000,
  );
}

const storeKeys = async (e: Engine, service: string, store: string): Promise<string[]> =>
  ((await e.handlers['run.nodeState']({ nodeId: service })).stores[store] ?? []).map((x) => x.key).sort();

describe.each(ENVIRONMENTS)('saga choreography template on %s', (_label, environment) => {
  it('with a failure at each step, every order ends confirmed or fully compensated, in reverse order, with no stock held', async () => {
    const { engine: e } = await startEngine();
    const flow = templateFlow();
    const started = await e.handlers['run.start']({ flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const orders = Object.keys(EXPECTED).flatMap((f) =>
      Array.from({ length: PER_CASE }, (_, i) => `${f}-${i + 1}`),
    );
    await untilOrdersEnd(e, started.runId, orders, (id) => EXPECTED[id.split('-')[0]].at(-1) as string);
    await e.handlers['run.stop']({});
    const events = await eventsByOrder(e, started.runId);
    for (const id of orders)
      expect({ id, events: events.get(id) }).toEqual({ id, events: EXPECTED[id.split('-')[0]] });

    const confirmed = orders.filter((id) => id.startsWith('none-')).sort();
    // Only confirmed orders keep stock and a charge; every other one was released and voided.
    expect(await storeKeys(e, 'inventory-service', 'reservations')).toEqual(confirmed);
    expect(await storeKeys(e, 'payment-service', 'charges')).toEqual(confirmed);
    const orderState = (await e.handlers['run.nodeState']({ nodeId: 'order-service' })).stores.orders ?? [];
    for (const o of orderState) {
      const type = (o.value as { type: string }).type;
      expect({ key: o.key, type }).toEqual({
        key: o.key,
        type: o.key.startsWith('none-') ? 'OrderConfirmed' : 'OrderCancelled',
      });
    }
    expect(orderState.map((o) => o.key).sort()).toEqual(
      orders.filter((id) => !id.startsWith('order-')).sort(),
    );
  });

  it('an error injected at a reaction (faults on demand) is answered by its recover step: the orders are compensated', async () => {
    const { engine: e } = await startEngine();
    const flow = faultedFlow('charge-payment');
    const started = await e.handlers['run.start']({ flow, environment });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const orders = ['none-1', 'none-2'];
    await untilOrdersEnd(e, started.runId, orders, () => 'OrderCancelled');
    await e.handlers['run.stop']({});
    const events = await eventsByOrder(e, started.runId);
    for (const id of orders)
      expect(events.get(id)).toEqual([
        'OrderCreated',
        'InventoryReserved',
        'PaymentDeclined',
        'InventoryReleased',
        'OrderCancelled',
      ]);
    expect(await storeKeys(e, 'inventory-service', 'reservations')).toEqual([]);
    expect(await storeKeys(e, 'payment-service', 'charges')).toEqual([]);
  });
});
