import type { Engine } from '../../../src-main/engine/engine-types';
import type { SagaInstanceRow } from '@shared/run/saga';
import { unusedPort, waitFor } from './brokers';
import { flowBuilder, type TestFlow } from './flow-builder';

/** The page's order saga: create order, reserve inventory, charge payment, confirm order. */
export const SAGA_STEPS = ['create-order', 'reserve-inventory', 'charge-payment', 'confirm-order'] as const;
export type SagaStepName = (typeof SAGA_STEPS)[number];

const PAYMENTS_PROTO = `syntax = "proto3";
package shop;
service Payments {
  rpc Charge (PaymentRequest) returns (PaymentReply);
  rpc Void (PaymentRequest) returns (PaymentReply);
}
message PaymentRequest { string sagaId = 1; string orderId = 2; double amount = 3; }
message PaymentReply { string paymentId = 1; string status = 2; }
`;

export interface OrderSagaOptions {
  name: string;
  /** The step whose action fails (the service answers with an error). */
  failAt?: SagaStepName;
  /** How the sagas are fed: a timer straight in, or a timer through a topic or queue. */
  feed: { via: 'timer' } | { via: 'kafkaTopic'; topic: string } | { via: 'rabbitQueue'; queue: string };
  count: number;
  /** Latency of the inventory service's routes, to catch sagas mid-way. */
  inventoryLatencyMs?: number;
  resume?: 'continue' | 'compensate';
  /** Server-side delay of the payments service's Charge (a real step timeout when past stepTimeoutMs). */
  chargeDelayMs?: number;
  stepTimeoutMs?: number;
}

/**
 * The order saga over real servers of the flow: an orders and an inventory REST service and
 * a payments gRPC service, driven by a saga orchestrator fed one message per order.
 */
export async function orderSagaFlow(o: OrderSagaOptions): Promise<TestFlow> {
  const b = flowBuilder(o.name);
  const fails = (step: SagaStepName): boolean => o.failAt === step;
  const latencyMs = o.inventoryLatencyMs ?? 0;
  b.node('checkout', 'timer', {
    intervalMs: 20,
    count: o.count,
    payload: '{"orderId": "order-{{seq}}", "sku": "sku-7", "qty": 2, "amount": 42.5}',
  });
  b.node('orders', 'restService', {
    port: await unusedPort(),
    routes: [
      {
        method: 'POST',
        path: '/orders',
        status: fails('create-order') ? 503 : 201,
        response: '{"id": "{{body.sagaId}}"}',
      },
      {
        method: 'POST',
        path: '/orders/:id/confirm',
        status: fails('confirm-order') ? 409 : 200,
        response: '{"id": "{{params.id}}", "status": "confirmed"}',
      },
      {
        method: 'DELETE',
        path: '/orders/:id',
        status: 200,
        response: '{"id": "{{params.id}}", "status": "cancelled"}',
      },
    ],
  });
  b.node('inventory', 'restService', {
    port: await unusedPort(),
    routes: [
      {
        method: 'POST',
        path: '/reservations',
        status: fails('reserve-inventory') ? 409 : 201,
        latencyMs,
        response: '{"reservation": "{{body.sagaId}}", "sku": "{{body.sku}}"}',
      },
      { method: 'DELETE', path: '/reservations/:id', status: 204, latencyMs, response: '' },
    ],
  });
  b.node('payments', 'grpcService', {
    proto: PAYMENTS_PROTO,
    service: 'shop.Payments',
    responses: {},
    methods: [
      fails('charge-payment')
        ? { method: 'Charge', reply: 'fail', failCode: 'FAILED_PRECONDITION', failMessage: 'card declined' }
        : {
            method: 'Charge',
            reply: 'template',
            delayMs: o.chargeDelayMs ?? 0,
            response: '{"paymentId": "pay-{{request.sagaId}}", "status": "charged"}',
          },
      {
        method: 'Void',
        reply: 'template',
        response: '{"paymentId": "pay-{{request.sagaId}}", "status": "voided"}',
      },
    ],
  });
  b.node('order-saga', 'sagaOrchestrator', {
    stepTimeoutMs: o.stepTimeoutMs ?? 5000,
    resume: o.resume ?? 'continue',
    steps: [
      {
        name: 'create-order',
        target: 'orders',
        action: 'POST /orders',
        compensation: 'DELETE /orders/{{saga.id}}',
      },
      {
        name: 'reserve-inventory',
        target: 'inventory',
        action: 'POST /reservations',
        compensation: 'DELETE /reservations/{{saga.id}}',
      },
      { name: 'charge-payment', target: 'payments', action: 'Charge', compensation: 'Void' },
      {
        name: 'confirm-order',
        target: 'orders',
        action: 'POST /orders/{{saga.id}}/confirm',
        compensation: '',
      },
    ],
  });
  if (o.feed.via === 'timer') b.edge('checkout', 'order-saga');
  else {
    const config =
      o.feed.via === 'kafkaTopic' ? { topic: o.feed.topic, partitions: 1 } : { queue: o.feed.queue };
    b.node('checkouts', o.feed.via, config);
    b.edge('checkout', 'checkouts');
    b.edge('checkouts', 'order-saga');
  }
  for (const service of ['orders', 'inventory', 'payments']) b.edge('order-saga', service);
  return b.flow;
}

/** The instances of the flow's saga (durable rows), once `done` holds for them. */
export async function sagasWhen(
  e: Engine,
  flowName: string,
  what: string,
  done: (rows: SagaInstanceRow[]) => boolean,
  ms = 60_000,
): Promise<SagaInstanceRow[]> {
  let rows: SagaInstanceRow[] = [];
  await waitFor(
    what,
    () => {
      void e.handlers['saga.instances']({ flowName, limit: 1000 }).then((r) => (rows = r));
      return done(rows);
    },
    ms,
  );
  return rows;
}

/**
 * What the inventory service itself served for one saga (from its recorded spans): 1 when it
 * made a reservation it never released (reservations are by saga id, so a resend is the same one).
 */
export async function reservationsHeld(e: Engine, inventoryId: string, traceId: string): Promise<number> {
  const events = await e.handlers['trace.get']({ traceId });
  const served = events.filter((ev) => ev.nodeId === inventoryId && ev.kind === 'respond');
  const made = served.some((ev) => ev.destination.startsWith('POST /reservations'));
  const released = served.some((ev) => ev.destination.startsWith('DELETE /reservations'));
  return made && !released ? 1 : 0;
}
