import type { Channel } from 'amqplib';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayRecord } from '@shared/api/replay-requests';
import { unusedPort, uniqueName, waitFor } from './helpers/brokers';
import { untilStatus, useEngine } from './helpers/engine';
import { flowBuilder } from './helpers/flow-builder';
import { runEvents } from './helpers/run-events';
import {
  deleteTopics,
  drainQueue,
  LOCAL,
  rabbit,
  readTopic,
  recordKafkaMessages,
} from './helpers/replay-fixture';

const startEngine = useEngine('replay');
const topics: string[] = [];
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c().catch(() => undefined);
  if (topics.length > 0) await deleteTopics(topics.splice(0));
});

type Handlers = Awaited<ReturnType<typeof startEngine>>['engine']['handlers'];

/** Waits until the replay ended and returns its record. */
async function ended(h: Handlers, id: string): Promise<ReplayRecord> {
  let rec: ReplayRecord | null = null;
  await waitFor(
    `replay ${id} to end`,
    () => {
      void h['replay.get']({ replayId: id }).then((r) => (rec = r));
      return rec !== null && rec.state !== 'running';
    },
    60_000,
  );
  return rec as unknown as ReplayRecord;
}

/** A direct exchange with a queue bound by key `eu`; deleted after the test. */
async function exchangeAndQueue(): Promise<{ exchange: string; queue: string; ch: Channel }> {
  const { ch, close } = await rabbit();
  const exchange = uniqueName('replay-x');
  const queue = uniqueName('replay-q');
  await ch.assertExchange(exchange, 'direct', { durable: false });
  await ch.assertQueue(queue, { durable: false });
  await ch.bindQueue(queue, exchange, 'eu');
  cleanups.push(async () => {
    await ch.deleteQueue(queue);
    await ch.deleteExchange(exchange);
    await close();
  });
  return { exchange, queue, ch };
}

describe('replay on the local brokers', () => {
  it('replays a whole run to its original Kafka topic with no run going: same payloads, keys and headers, each a new trace linked both ways', async () => {
    const { engine, pushed } = await startEngine();
    const h = engine.handlers;
    const src = await recordKafkaMessages(engine, 5);
    topics.push(src.topic);

    const started = await h['replay.start']({
      plan: {
        source: { kind: 'run', runId: src.runId },
        target: { kind: 'original' },
        environment: LOCAL,
        pacing: { mode: 'fast' },
      },
    });
    const rec = await ended(h, started.id);
    expect(rec).toMatchObject({
      state: 'done',
      total: 5,
      sent: 5,
      failed: 0,
      target: 'original destinations',
    });
    expect(pushed['replay.progress']?.at(-1)?.replay).toMatchObject({
      id: started.id,
      state: 'done',
      sent: 5,
    });

    const records = await readTopic(src.topic, 10);
    expect(records).toHaveLength(10);
    const [first, again] = [records.slice(0, 5), records.slice(5)];
    expect(again.map((r) => [r.key, r.value, r.headers.origin])).toEqual(
      first.map((r) => [r.key, r.value, r.headers.origin]),
    );
    // Each copy carries a trace of its own, not the original's.
    expect(again.map((r) => r.headers.traceparent)).not.toContain(first[0].headers.traceparent);

    // Recorded under the replay's own run; linked both ways.
    const copies = (await h['messages.list']({ runId: rec.runId, limit: 100 })).rows;
    expect(copies).toHaveLength(5);
    const original = src.ids[2];
    const links = await h['replay.links']({ messageId: original });
    expect(links.replayOf).toBeNull();
    expect(links.replayedAs).toHaveLength(1);
    const copy = await h['messages.get']({ id: links.replayedAs[0].messageId });
    expect(copy?.trace.map((e) => e.kind)).toEqual(['produce']);
    expect(copy?.traceId).toBe(links.replayedAs[0].traceId);
    expect(copy?.payloadText).toBe((await h['messages.get']({ id: original }))?.payloadText);
    const back = await h['replay.links']({ messageId: links.replayedAs[0].messageId });
    expect(back.replayOf?.messageId).toBe(original);
    expect(back.replayedAs).toEqual([]);
    expect((await h['replay.list']({ limit: 10 })).map((r) => r.id)).toContain(started.id);
  });

  it('sends a Kafka record to a RabbitMQ exchange with a routing key, with an edited payload and header: the bound queue gets the edited copy', async () => {
    const { engine } = await startEngine();
    const h = engine.handlers;
    const src = await recordKafkaMessages(engine, 3);
    topics.push(src.topic);
    const { exchange, queue, ch } = await exchangeAndQueue();
    const id = src.ids[0];

    const started = await h['replay.start']({
      plan: {
        environment: LOCAL,
        pacing: { mode: 'fast' },
        source: { kind: 'messages', ids: [id] },
        target: { kind: 'exchange', exchange, routingKey: 'eu' },
        edits: [{ messageId: id, payloadText: '{"seq": 1, "item": "pen"}', headers: { origin: 'support' } }],
      },
    });
    expect(await ended(h, started.id)).toMatchObject({ state: 'done', sent: 1, total: 1 });
    const got = await drainQueue(ch, queue);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ body: '{"seq": 1, "item": "pen"}', routingKey: 'eu' });
    expect(got[0].headers.origin).toBe('support');
    const link = (await h['replay.links']({ messageId: id })).replayedAs[0];
    const copy = await h['messages.get']({ id: link.messageId });
    expect(copy).toMatchObject({
      transport: 'amqp',
      destination: exchange,
      payloadText: '{"seq": 1, "item": "pen"}',
    });
  });

  it('replays a filter to a RabbitMQ queue (as recorded), and a routing key no binding takes is recorded unroutable', async () => {
    const { engine } = await startEngine();
    const h = engine.handlers;
    const src = await recordKafkaMessages(engine, 4);
    topics.push(src.topic);
    const { exchange, queue, ch } = await exchangeAndQueue();

    const toQueue = await h['replay.start']({
      plan: {
        source: { kind: 'filter', filter: { runId: src.runId, key: 'k2' } },
        target: { kind: 'queue', queue },
        environment: LOCAL,
        pacing: { mode: 'recorded', speed: 1 },
      },
    });
    expect(toQueue.source).toBe('1 message(s) of a filter');
    expect(await ended(h, toQueue.id)).toMatchObject({ state: 'done', sent: 1 });
    const got = await drainQueue(ch, queue);
    expect(got.map((m) => JSON.parse(m.body) as { seq: number })).toEqual([{ seq: 2, item: 'book' }]);

    const nowhere = await h['replay.start']({
      plan: {
        environment: LOCAL,
        pacing: { mode: 'fast' },
        source: { kind: 'messages', ids: src.ids },
        target: { kind: 'exchange', exchange, routingKey: 'us' },
      },
    });
    const rec = await ended(h, nowhere.id);
    expect(rec).toMatchObject({ state: 'failed', sent: 0, failed: 4 });
    const copy = (await h['replay.links']({ messageId: src.ids[0] })).replayedAs.at(-1);
    const trace = await h['messages.get']({ id: copy?.messageId ?? 0 });
    expect(trace?.trace.map((e) => e.kind)).toEqual(['unroutable']);
  });

  it('calls an HTTP route and a gRPC method of the running flow: the service answers within the replay trace', async () => {
    const { engine, dataDir } = await startEngine();
    const h = engine.handlers;
    const src = await recordKafkaMessages(engine, 2);
    topics.push(src.topic);
    const b = flowBuilder('services');
    b.node('orders-api', 'restService', {
      port: await unusedPort(),
      routes: [
        { method: 'POST', path: '/orders', status: 201, response: '{"ok": true, "item": "{{body.item}}"}' },
      ],
    });
    b.node('greeter', 'grpcService', { methods: [{ method: 'SayHello', reply: 'echo' }] });
    const run = await h['run.start']({ flow: b.flow, environment: LOCAL });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    await waitFor('services up', () => {
      void h['run.status']({}).then((s) => (state = s.state));
      return state === 'running';
    });

    const http = await h['replay.start']({
      plan: {
        environment: LOCAL,
        pacing: { mode: 'fast' },
        source: { kind: 'messages', ids: src.ids },
        target: { kind: 'http', method: 'POST', path: '/orders', nodeId: 'orders-api' },
      },
    });
    expect(await ended(h, http.id)).toMatchObject({ state: 'done', sent: 2, failed: 0 });
    const grpc = await h['replay.start']({
      plan: {
        environment: LOCAL,
        pacing: { mode: 'fast' },
        source: { kind: 'messages', ids: [src.ids[0]] },
        target: { kind: 'grpc', nodeId: 'greeter', method: 'SayHello' },
        edits: [{ messageId: src.ids[0], payloadText: '{"name": "ada"}' }],
      },
    });
    expect(await ended(h, grpc.id)).toMatchObject({ state: 'done', sent: 1, failed: 0 });

    const traceOf = async (replayId: string, original: number): Promise<string> => {
      const link = (await h['replay.links']({ messageId: original })).replayedAs.find(
        (l) => l.replayId === replayId,
      );
      return link?.traceId ?? '';
    };
    const httpTrace = await traceOf(http.id, src.ids[1]);
    const grpcTrace = await traceOf(grpc.id, src.ids[0]);
    await waitFor('both services recorded their answers', () => {
      const ev = runEvents(dataDir, run.runId);
      return (
        ev.some((e) => e.trace_id === httpTrace && e.kind === 'respond') &&
        ev.some((e) => e.trace_id === grpcTrace && e.kind === 'respond')
      );
    });
    const answered = runEvents(dataDir, run.runId).filter((e) => e.kind === 'respond');
    expect(answered.find((e) => e.trace_id === httpTrace)).toMatchObject({
      node_id: 'orders-api',
      error: null,
    });
    expect(answered.find((e) => e.trace_id === grpcTrace)).toMatchObject({
      node_id: 'greeter',
      destination: '/helloworld.Greeter/SayHello',
    });
    await h['run.stop']({});
    // Without the run, the services are gone: the replay is refused before anything is recorded.
    await expect(
      h['replay.start']({
        plan: {
          environment: LOCAL,
          pacing: { mode: 'fast' },
          source: { kind: 'messages', ids: [src.ids[0]] },
          target: { kind: 'grpc', nodeId: 'greeter', method: 'SayHello' },
        },
      }),
    ).rejects.toThrow(/gRPC service "greeter" is served only while its run goes/);
  });

  it('a dry run lists what would be sent, edits applied, and sends and records nothing', async () => {
    const { engine } = await startEngine();
    const h = engine.handlers;
    const src = await recordKafkaMessages(engine, 3);
    topics.push(src.topic);
    const { queue, ch } = await exchangeAndQueue();
    const preview = await h['replay.preview']({
      plan: {
        environment: LOCAL,
        pacing: { mode: 'fast' },
        source: { kind: 'run', runId: src.runId },
        target: { kind: 'queue', queue },
        edits: [{ messageId: src.ids[1], payloadText: '{"seq": 2, "item": "lamp"}' }],
        headers: { origin: null, replayed: 'yes' },
      },
      limit: 10,
    });
    expect(preview.total).toBe(3);
    expect(preview.items.map((i) => [i.originalId, i.edited, i.target])).toEqual(
      src.ids.map((id) => [id, true, `amqp queue ${queue}`]),
    );
    expect(preview.items[1].payloadText).toBe('{"seq": 2, "item": "lamp"}');
    expect(preview.items[0].headers).toEqual({ replayed: 'yes' });
    expect((await ch.checkQueue(queue)).messageCount).toBe(0);
    expect(await h['replay.list']({ limit: 10 })).toEqual([]);
    expect((await h['replay.links']({ messageId: src.ids[0] })).replayedAs).toEqual([]);
  });

  it('cancel stops a paced replay: the record says how many left, and exactly those are on the queue and linked', async () => {
    const { engine } = await startEngine();
    const h = engine.handlers;
    const src = await recordKafkaMessages(engine, 20);
    topics.push(src.topic);
    const { queue, ch } = await exchangeAndQueue();
    const started = await h['replay.start']({
      plan: {
        source: { kind: 'run', runId: src.runId },
        target: { kind: 'queue', queue },
        environment: LOCAL,
        pacing: { mode: 'rate', perSecond: 10 },
      },
    });
    let sent = 0;
    await waitFor('two messages sent', () => {
      void h['replay.get']({ replayId: started.id }).then((r) => (sent = r?.sent ?? 0));
      return sent >= 2;
    });
    const rec = await h['replay.cancel']({ replayId: started.id });
    expect(rec.state).toBe('cancelled');
    expect(rec.total).toBe(20);
    expect(rec.sent).toBeGreaterThanOrEqual(2);
    expect(rec.sent).toBeLessThan(20);
    // Nothing leaves after the cancel returned.
    await new Promise((r) => setTimeout(r, 500));
    expect((await ch.checkQueue(queue)).messageCount).toBe(rec.sent);
    const copies = (await h['messages.list']({ runId: rec.runId, limit: 100 })).rows;
    expect(copies).toHaveLength(rec.sent);
    let linked = 0;
    for (const id of src.ids) linked += (await h['replay.links']({ messageId: id })).replayedAs.length;
    expect(linked).toBe(rec.sent);
    expect(await h['replay.get']({ replayId: started.id })).toMatchObject({
      state: 'cancelled',
      sent: rec.sent,
    });
  });

  it('redrives a dead-letter queue in one action: every message goes back to its source, linked to the message it was', async () => {
    const { engine, dataDir } = await startEngine();
    const h = engine.handlers;
    const jobs = uniqueName('replay-jobs');
    const dead = `${jobs}-dead`;
    const b = flowBuilder('redrive');
    b.node('jobs-producer', 'producer', { count: 4, rate: 100, payload: '{"job": {{seq}}}' });
    b.node('jobs-queue', 'rabbitQueue', { queue: jobs, deadLetter: dead, maxDeliveries: 1, durable: false });
    b.node('workers', 'consumer', {
      faults: [{ kind: 'error', probability: 1, enabled: true, error: { amqp: { action: 'nack-requeue' } } }],
    });
    b.node('dead-letters', 'rabbitQueue', { queue: dead, durable: false });
    b.edge('jobs-producer', 'jobs-queue');
    b.edge('jobs-queue', 'workers');
    const { ch, close } = await rabbit();
    cleanups.push(async () => {
      await ch.deleteQueue(jobs);
      await ch.deleteQueue(dead);
      await close();
    });
    const run = await h['run.start']({ flow: b.flow, environment: LOCAL });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    await untilStatus(engine, 'the run going', (x) => x.state === 'running');
    await waitFor(
      'four jobs dead-lettered',
      () => {
        void ch.checkQueue(dead).then(
          (q) => (waiting = q.messageCount),
          () => undefined,
        );
        return waiting === 4;
      },
      60_000,
    );
    await h['run.setFaults']({ targetId: 'workers', faults: [] });

    const redrive = await h['replay.redrive']({ nodeId: 'dead-letters' });
    expect(redrive).toMatchObject({
      kind: 'redrive',
      state: 'done',
      sent: 4,
      to: 'jobs-queue',
      source: 'dead-letter queue dead-letters',
    });
    await waitFor(
      'the four jobs acked after the redrive',
      () =>
        runEvents(dataDir, run.runId).filter((e) => e.node_id === 'workers' && e.kind === 'ack').length === 4,
    );
    await h['run.stop']({});
    expect((await ch.checkQueue(dead)).messageCount).toBe(0);
    const originals = (await h['messages.list']({ runId: run.runId, limit: 100 })).rows.filter(
      (r) => r.nodeId === 'jobs-producer',
    );
    expect(originals).toHaveLength(4);
    for (const o of originals) {
      const links = await h['replay.links']({ messageId: o.id });
      expect(links.replayedAs, `redrive of message ${o.id}`).toHaveLength(1);
      expect(links.replayedAs[0].replayId).toBe(redrive.id);
      expect(
        (await h['replay.links']({ messageId: links.replayedAs[0].messageId })).replayOf?.messageId,
      ).toBe(o.id);
    }
  });
});

let state = '';
let waiting = -1;
