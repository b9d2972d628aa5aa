import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSnapshot } from '@shared/api/contract';
import { createEngine } from '../../src-main/engine/engine';
import type { Engine } from '../../src-main/engine/engine-types';
import {
  AMQP_URL,
  CALLS,
  KAFKA,
  N,
  PAYLOAD_TEMPLATE,
  PROTO,
  GRPC_RATE,
  STREAM_ITEMS,
  unique,
  type Path,
  startClock,
  type Measured,
} from './settings';

/** A path as a flow: the node that sends first, and when the run has done all its work. */
interface BenchFlow {
  flow: unknown;
  source: string;
  /** Messages the run moves (what the rate counts). */
  messages: number;
  done(s: RunSnapshot): boolean;
}

function flowFor(path: Path): BenchFlow {
  if (path === 'kafka' || path === 'rabbitmq') {
    const channel =
      path === 'rabbitmq'
        ? { id: 'q', kind: 'rabbitQueue', config: { queue: unique('bench-fb'), prefetch: 200 } }
        : { id: 'q', kind: 'kafkaTopic', config: { topic: unique('bench-fb'), partitions: 3 } };
    return {
      flow: {
        version: 1,
        name: 'bench',
        nodes: [
          { id: 'p', kind: 'producer', config: { rate: 100_000, count: N, payload: PAYLOAD_TEMPLATE } },
          channel,
          { id: 'c', kind: 'consumer', config: { group: unique('bench-g') } },
        ],
        edges: [
          { id: 'e1', source: 'p', target: 'q' },
          { id: 'e2', source: 'q', target: 'c' },
        ],
      },
      source: 'p',
      messages: N,
      done: (s) => s.counters.c?.acked === N,
    };
  }
  const unary = path === 'grpc-unary';
  const calls = unary ? CALLS : Math.ceil(CALLS / STREAM_ITEMS);
  const replies = unary ? calls : calls * STREAM_ITEMS;
  const method = unary ? 'Unary' : 'Stream';
  return {
    flow: {
      version: 1,
      name: 'bench',
      nodes: [
        {
          id: 's',
          kind: 'grpcService',
          config: {
            proto: PROTO,
            service: 'bench.Echo',
            responses: {},
            methods: [
              { method: 'Unary', reply: 'template', response: '{"message": "{{request.name}}"}' },
              {
                method: 'Stream',
                reply: 'template',
                response: '{"message": "{{request.name}}"}',
                items: STREAM_ITEMS,
                intervalMs: 0,
              },
            ],
          },
        },
        {
          id: 'k',
          kind: 'grpcClient',
          config: { rate: GRPC_RATE, count: calls, request: '{"name": "n{{seq}}"}', deadlineMs: 60_000 },
        },
      ],
      edges: [{ id: 'e1', source: 'k', target: 's', targetHandle: method }],
    },
    source: 'k',
    messages: replies,
    done: (s) => s.counters.k?.received === replies && s.counters.k?.status === 'done',
  };
}

export interface FlowbenchResult extends Measured {
  /** How long after the last message every row of the run was in SQLite (tracing on only). */
  recordedAfterMs?: number;
}

/**
 * Flowbench's rate on `path`, timed like the bare client: from the moment its source starts
 * sending (its status turns running: connecting, topics and group joins are done) until the
 * last message is through. With tracing on, also checks nothing recorded was dropped.
 */
export async function flowbenchRun(path: Path, tracing: boolean): Promise<FlowbenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowbench-bench-'));
  const engine = await createEngine({ dataDir, emit: () => undefined });
  try {
    const bench = flowFor(path);
    const res = await engine.handlers['run.start']({
      flow: bench.flow,
      environment: { kind: 'local', kafkaBrokers: KAFKA, amqpUrl: AMQP_URL },
      tracing,
    });
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    await until(engine, 1, (s) => s.counters[bench.source]?.status === 'running' || bench.done(s));
    const stop = startClock();
    const doneAt = await until(engine, 5, bench.done);
    const measured = stop(bench.messages);
    const [run] = await engine.handlers['runs.list']({ limit: 1 });
    let recordedAfterMs: number | undefined;
    if (tracing) {
      const expected = await waitRecorded(engine, path);
      recordedAfterMs = expected - doneAt;
    } else if (run.messageCount !== 0 || run.eventCount !== 0) {
      throw new Error(`tracing off recorded ${run.messageCount} messages, ${run.eventCount} events`);
    }
    await engine.handlers['run.stop']({});
    return { ...measured, recordedAfterMs };
  } finally {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Polls the run's status every `everyMs` until `ok`; returns when it held. */
async function until(engine: Engine, everyMs: number, ok: (s: RunSnapshot) => boolean): Promise<number> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const s = await engine.handlers['run.status']({});
    if (ok(s)) return Date.now();
    const failed = Object.entries(s.counters).find(([, c]) => c.status === 'error');
    if (failed) throw new Error(`${failed[0]}: ${failed[1].error}`);
    if (Date.now() > deadline) throw new Error(`bench run did not finish: ${JSON.stringify(s.counters)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Waits until every row of the run is in SQLite; returns when. */
async function waitRecorded(engine: Engine, path: Path): Promise<number> {
  // Broker paths: a payload and produce, deliver, ack per message. gRPC: request and
  // replies stored, a call and a respond span per call.
  const calls = path === 'grpc-unary' ? CALLS : Math.ceil(CALLS / STREAM_ITEMS);
  const expect =
    path === 'kafka' || path === 'rabbitmq'
      ? { messages: N, events: 3 * N }
      : { messages: calls + (path === 'grpc-unary' ? calls : calls * STREAM_ITEMS), events: 2 * calls };
  const deadline = Date.now() + 60_000;
  for (;;) {
    const [run] = await engine.handlers['runs.list']({ limit: 1 });
    if (run.messageCount === expect.messages && run.eventCount === expect.events) return Date.now();
    if (Date.now() > deadline)
      throw new Error(
        `recorded ${run.messageCount}/${expect.messages} messages, ${run.eventCount}/${expect.events} events`,
      );
    await new Promise((r) => setTimeout(r, 5));
  }
}
