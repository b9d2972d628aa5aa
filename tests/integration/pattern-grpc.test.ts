import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src-main/engine/engine-types';
import type { Environment } from '@shared/run/environment';
import type { NodeCounters } from '@shared/run/counters';
import { nodeOf, templateOnFreePorts, templateProblems, type TemplateDoc } from './helpers/api-templates';
import { AMQP_URL, KAFKA_BROKERS } from './helpers/brokers';
import { untilStatus, useEngine } from './helpers/engine';

const ENVIRONMENTS: Array<[string, Environment]> = [
  ['Embedded', { kind: 'embedded' }],
  ['Local brokers', { kind: 'local', kafkaBrokers: KAFKA_BROKERS, amqpUrl: AMQP_URL }],
];

const N = 40;
const startEngine = useEngine('pattern-grpc');

/** The reply each service renders for order `id`: JSON text (REST) and its protobuf encoding (gRPC). */
function expectedReplies(doc: TemplateDoc, id: number): { json: number; protobuf: number } {
  const rest = nodeOf(doc, 'orders-rest').config as { routes: Array<{ response: string }> };
  const text = rest.routes[0].response.replace('{{params.id}}', String(id));
  const grpc = nodeOf(doc, 'orders-grpc').config as { proto: string };
  const Order = protobuf.parse(grpc.proto, { keepCase: true }).root.lookupType('shop.v1.Order');
  const encoded = Order.encode(Order.fromObject(JSON.parse(text) as Record<string, unknown>)).finish();
  return { json: Buffer.byteLength(text), protobuf: encoded.length };
}

async function messagesOf(
  e: Engine,
  runId: string,
  nodeId: string,
): Promise<Array<{ id: number; ts: number; traceId: string }>> {
  const rows = (await e.handlers['messages.list']({ runId, limit: 1000 })).rows;
  return rows.filter((r) => r.nodeId === nodeId);
}

function perCall(c: NodeCounters | undefined): { out: number; in: number; p50?: number; p99?: number } {
  return {
    out: (c?.bytesOut ?? 0) / Math.max(c?.sent ?? 0, 1),
    in: (c?.bytesIn ?? 0) / Math.max(c?.received ?? 0, 1),
    p50: c?.p50Ms,
    p99: c?.p99Ms,
  };
}

describe('gRPC template', () => {
  it('opens with no validation problems', () => {
    expect(templateProblems('grpc')).toEqual([]);
  });

  describe.each(ENVIRONMENTS)('on %s', (label, environment) => {
    it('serves unary and bidirectional calls, and the same exchange costs fewer bytes over gRPC than REST', async () => {
      const { engine: e } = await startEngine();
      const doc = await templateOnFreePorts('grpc');
      Object.assign(nodeOf(doc, 'grpc-caller').config, { rate: 200, count: N });
      Object.assign(nodeOf(doc, 'rest-caller').config, { rate: 200, count: N });
      Object.assign(nodeOf(doc, 'tracker').config, { rate: 20, count: 3 });
      const started = await e.handlers['run.start']({ flow: doc, environment });
      if (!started.ok) throw new Error(JSON.stringify(started.problems));
      const s = await untilStatus(e, 'every caller done', (x) =>
        ['grpc-caller', 'rest-caller', 'tracker'].every((id) => x.counters[id]?.status === 'done'),
      );
      await e.handlers['run.stop']({});
      for (const id of ['grpc-caller', 'rest-caller', 'tracker', 'orders-grpc', 'orders-rest'])
        expect(s.counters[id], id).toMatchObject({ errors: 0 });

      // Unary and REST: one request and one reply per call; the bytes are exactly the encoded replies.
      expect(s.counters['grpc-caller']).toMatchObject({ sent: N, received: N });
      expect(s.counters['rest-caller']).toMatchObject({ sent: N, received: N });
      let json = 0;
      let proto = 0;
      for (let id = 1; id <= N; id++) {
        const r = expectedReplies(doc, id);
        json += r.json;
        proto += r.protobuf;
      }
      expect(s.counters['rest-caller']?.bytesIn).toBe(json);
      expect(s.counters['grpc-caller']?.bytesIn).toBe(proto);
      expect(proto).toBeLessThan(json);
      const grpc = perCall(s.counters['grpc-caller']);
      const rest = perCall(s.counters['rest-caller']);
      expect(grpc.in + grpc.out).toBeLessThan(rest.in + rest.out);
      expect(grpc.p50).toBeGreaterThan(0);
      expect(rest.p99).toBeGreaterThan(0);
      console.info(
        `REST vs gRPC on ${label} (${N} calls each):\n` +
          `  REST  JSON      ${rest.out.toFixed(1)} B out, ${rest.in.toFixed(1)} B in per call; p50 ${rest.p50} ms, p99 ${rest.p99} ms\n` +
          `  gRPC  protobuf  ${grpc.out.toFixed(1)} B out, ${grpc.in.toFixed(1)} B in per call; p50 ${grpc.p50} ms, p99 ${grpc.p99} ms`,
      );

      // Bidirectional: 3 requests per call, 2 updates per request, and replies flow while requests still go out.
      expect(s.counters.tracker).toMatchObject({ sent: 9, received: 18 });
      const requests = await messagesOf(e, started.runId, 'tracker');
      const replies = await messagesOf(e, started.runId, 'orders-grpc');
      const traces = new Set(requests.map((r) => r.traceId));
      expect(traces.size).toBe(3);
      for (const traceId of traces) {
        const sent = requests.filter((r) => r.traceId === traceId).map((r) => r.ts);
        const got = replies.filter((r) => r.traceId === traceId).map((r) => r.ts);
        expect(sent).toHaveLength(3);
        expect(got).toHaveLength(6);
        expect(Math.min(...got)).toBeLessThan(Math.max(...sent));
      }
    });
  });
});
