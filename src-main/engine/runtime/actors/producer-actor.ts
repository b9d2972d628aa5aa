import type { CompiledProducer, MessagingEndpoint } from '../../compiler/compiled-flow';
import { formatTraceparent, newSpanId, newTraceId, TRACEPARENT } from '../../trace/traceparent';
import type { OutgoingMessage, SendReceipt } from '../../transports/transport';
import { runPaced } from '../pacing';
import type { RunContext } from '../run-context';

/** Sends one batch to one destination; resolves with a receipt per message. */
export type BatchSender = (messages: OutgoingMessage[]) => Promise<SendReceipt[]>;

export interface ProducerTarget {
  endpoint: MessagingEndpoint;
  transport: 'kafka' | 'amqp' | 'embedded';
  send: BatchSender;
}

const MAX_BATCH = 500;

/**
 * Produces a producer's messages at its rate to each connected topic or queue, one batch per
 * due tick and target. Each message gets its own trace; the payload is stored once, with a
 * produce event carrying partition and offset when the broker confirms it.
 */
export async function runProducer(
  ctx: RunContext,
  producer: CompiledProducer,
  targets: ProducerTarget[],
): Promise<void> {
  const node = producer.node;
  if (targets.length === 0) return;
  ctx.stats.setStatus(node.id, 'running');
  let failedBefore = false;
  await runPaced({
    rate: node.config.rate,
    count: node.config.count,
    maxBatch: MAX_BATCH,
    isStopped: () => ctx.isStopping,
    sleep: ctx.sleep,
    sendBatch: async (firstSeq, n) => {
      for (const target of targets) {
        const ok = await sendBatch(ctx, producer, target, firstSeq, n);
        if (ok && failedBefore) ctx.stats.recover(node.id);
        failedBefore = !ok;
      }
    },
  });
  const c = ctx.stats.get(node.id);
  if (c && c.status !== 'error') ctx.stats.setStatus(node.id, 'done');
}

async function sendBatch(
  ctx: RunContext,
  producer: CompiledProducer,
  target: ProducerTarget,
  firstSeq: number,
  n: number,
): Promise<boolean> {
  const node = producer.node;
  const endpoint = target.endpoint;
  const destination = endpoint.kind === 'topic' ? endpoint.node.config.topic : endpoint.node.config.queue;
  const transport = { name: target.transport };
  const spans: Array<{ traceId: string; spanId: string }> = [];
  const messages: OutgoingMessage[] = [];
  for (let i = 0; i < n; i++) {
    const seq = firstSeq + i;
    const span = { traceId: newTraceId(), spanId: newSpanId() };
    const headers: Record<string, string> = {};
    for (const [name, t] of producer.headers) headers[name] = t.render(seq);
    headers[TRACEPARENT] = formatTraceparent(span);
    const key = producer.key?.render(seq);
    messages.push({ key: key || undefined, headers, payload: Buffer.from(producer.payload.render(seq)) });
    spans.push(span);
  }
  const sentAt = Date.now();
  // Stored before sending: a fast consumer may deliver (and look the payload up) before send resolves.
  const messageIds = messages.map((m, i) => {
    const messageId = ctx.sink.recordMessage({
      runId: ctx.runId,
      traceId: spans[i].traceId,
      spanId: spans[i].spanId,
      nodeId: node.id,
      transport: transport.name,
      destination,
      ts: sentAt,
      key: m.key,
      headers: m.headers,
      payload: m.payload,
    });
    ctx.rememberPayload(spans[i].spanId, messageId);
    return messageId;
  });
  let receipts: SendReceipt[] = [];
  let error: string | undefined;
  try {
    receipts = await target.send(messages);
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const doneAt = Date.now();
  messages.forEach((m, i) => {
    const receipt = receipts[i];
    ctx.sink.recordEvent({
      runId: ctx.runId,
      traceId: spans[i].traceId,
      spanId: spans[i].spanId,
      parentSpanId: null,
      nodeId: node.id,
      kind: error ? 'error' : 'produce',
      transport: transport.name,
      destination,
      ts: sentAt,
      partition: receipt?.partition,
      offset: receipt?.offset,
      key: m.key,
      messageId: messageIds[i],
      durationMs: doneAt - sentAt,
      error,
    });
  });
  if (error) {
    ctx.stats.add(node.id, 'errors', n);
    ctx.fail([node.id], transport.name, error);
    return false;
  }
  ctx.stats.add(node.id, 'sent', n);
  ctx.stats.add(endpoint.node.id, 'received', n);
  return true;
}
