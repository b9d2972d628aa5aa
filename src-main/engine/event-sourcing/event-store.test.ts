import { describe, expect, it } from 'vitest';
import { eventStoreConfig } from '@shared/flow/kinds/patterns';
import { ConcurrencyError } from './event-streams';
import { EventStore } from './event-store';
import { foldEvents } from './fold';
import type { StoredEvent } from './stored-event';

const config = eventStoreConfig.parse({
  snapshotEvery: 2,
  upcasters: [
    { event: 'OrderCreated', fromVersion: 1, rename: { amount: 'total' }, add: { currency: 'EUR' } },
  ],
  rules: [{ event: 'OrderShipped', when: '$.state.status == "paid"' }],
});

function memoryStore(clock = { t: 1000 }): { store: EventStore; written: StoredEvent[] } {
  const written: StoredEvent[] = [];
  const store = new EventStore(config, { append: async (e) => String(written.push(e) - 1) }, () => clock.t++);
  return { store, written };
}

async function orderLifecycle(store: EventStore, id: string): Promise<void> {
  await store.append({
    streamId: id,
    type: 'OrderCreated',
    schemaVersion: 1,
    expectedVersion: 0,
    data: { amount: 40 },
  });
  await store.append({ streamId: id, type: 'PaymentReceived', expectedVersion: 1, data: { paid: 40 } });
  await store.append({ streamId: id, type: 'OrderShipped', expectedVersion: 2, data: { tracking: 'TR-1' } });
}

describe('event store', () => {
  it('gives each stream its own versions and writes to the log before counting an event', async () => {
    const { store, written } = memoryStore();
    await orderLifecycle(store, 'order-1');
    await store.append({ streamId: 'order-2', type: 'OrderCreated', data: { total: 5 } });
    expect(store.streams.version('order-1')).toBe(3);
    expect(store.streams.version('order-2')).toBe(1);
    expect(written.map((e) => `${e.streamId}@${e.version}`)).toEqual([
      'order-1@1',
      'order-1@2',
      'order-1@3',
      'order-2@1',
    ]);
    expect(written[3].schemaVersion).toBe(2);
  });

  it('refuses an append with a stale expected version and writes nothing', async () => {
    const { store, written } = memoryStore();
    await orderLifecycle(store, 'order-1');
    const stale = store.append({ streamId: 'order-1', type: 'OrderShipped', expectedVersion: 2, data: {} });
    await expect(stale).rejects.toThrow(ConcurrencyError);
    await expect(stale).rejects.toThrow('stale expected version 2 for stream order-1: it is at version 3');
    expect(written).toHaveLength(3);
  });

  it('lets only one of two racing appends with the same expected version win', async () => {
    const { store } = memoryStore();
    await store.append({ streamId: 'order-9', type: 'OrderCreated', expectedVersion: 0, data: {} });
    const results = await Promise.allSettled([
      store.append({ streamId: 'order-9', type: 'PaymentReceived', expectedVersion: 1, data: { by: 'a' } }),
      store.append({ streamId: 'order-9', type: 'PaymentReceived', expectedVersion: 1, data: { by: 'b' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(store.streams.version('order-9')).toBe(2);
  });

  it('refuses a command whose rule does not hold, naming the rule and the status', async () => {
    const { store } = memoryStore();
    await store.append({ streamId: 'order-3', type: 'OrderCreated', data: {} });
    await expect(store.append({ streamId: 'order-3', type: 'OrderShipped', data: {} })).rejects.toThrow(
      'OrderShipped refused for order-3: rule $.state.status == "paid" does not hold (status is created)',
    );
  });

  it('folds the first k events into the state at event k, with and without snapshots', async () => {
    const { store, written } = memoryStore();
    await orderLifecycle(store, 'order-1');
    expect(store.streams.snapshots('order-1').map((s) => s.version)).toEqual([2]);
    for (let k = 0; k <= 3; k++) {
      const at = store.streams.stateAt('order-1', { version: k });
      expect(at.version).toBe(k);
      expect(at.state).toEqual(foldEvents(written.slice(0, k), store.fold, store.upcaster));
      expect(at.snapshotVersion).toBe(k >= 2 ? 2 : null);
    }
    expect(store.streams.stateAt('order-1').state).toEqual({
      total: 40,
      currency: 'EUR',
      paid: 40,
      tracking: 'TR-1',
      status: 'shipped',
      version: 3,
    });
  });

  it('reads a stream as it was at a time', async () => {
    const clock = { t: 5000 };
    const { store } = memoryStore(clock);
    await orderLifecycle(store, 'order-1');
    const times = store.streams.events('order-1').map((e) => e.recordedAt);
    expect(store.streams.stateAt('order-1', { timestamp: times[0] - 1 }).state).toBeNull();
    expect(store.streams.stateAt('order-1', { timestamp: times[1] }).state?.status).toBe('paid');
    expect(store.streams.stateAt('order-1', { timestamp: times[2] + 10_000 }).version).toBe(3);
  });

  it('keeps snapshots apart from later changes of the state', async () => {
    const { store } = memoryStore();
    await orderLifecycle(store, 'order-1');
    const snap = store.streams.snapshots('order-1')[0];
    expect(snap.state.status).toBe('paid');
    expect(store.streams.stateAt('order-1', { version: 2 }).state?.status).toBe('paid');
  });

  it('restores streams from a log read back, refusing events out of order', () => {
    const { store } = memoryStore();
    const e = (version: number): StoredEvent => ({
      streamId: 'order-5',
      version,
      type: 'OrderCreated',
      schemaVersion: 2,
      data: {},
      recordedAt: version,
    });
    store.restore([e(1), e(2)]);
    expect(store.streams.version('order-5')).toBe(2);
    expect(() => store.restore([e(4)])).toThrow(
      'event 4 of stream order-5 is out of order: the stream is at 2',
    );
  });
});
