import type { FlowEdge, FlowNode } from '@shared/flow/document';
import type { InjectedFault } from '@shared/trace/events';
import { formatTraceparent, newSpanId, newTraceId, TRACEPARENT } from '../../trace/traceparent';
import type { OutgoingMessage, SendReceipt } from '../../transports/transport';
import type { RunContext } from '../run-context';
import type { FlowMessage } from './flow-message';
import type { ChannelActor } from './node-actor';
import { recordHop } from './record-hop';

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Publishes a batch from `from` into a channel: each message becomes a produce span (a child
 * of the hop that handed it over, or the root of a new trace), carries that span in its
 * traceparent header, has its payload stored once, and gets partition and offset from the
 * broker's receipt. Returns false when the broker refused the batch (recorded as errors).
 */
export async function publishInto(
  ctx: RunContext,
  from: FlowNode,
  channel: ChannelActor,
  edge: FlowEdge,
  messages: FlowMessage[],
  /** Injected faults that shaped each message (delayed, duplicated), recorded on its produce span. */
  faults?: Array<InjectedFault | undefined>,
): Promise<boolean> {
  if (channel.contract && channel.contract.encoding !== 'json') {
    messages = encodeAll(ctx, from, channel, messages);
  }
  const n = messages.length;
  if (n === 0) return true;
  const transport = channel.transport;
  const destination = channel.destination;
  const sentAt = Date.now();
  if (!ctx.tracing) return publishUntraced(ctx, from, channel, edge, messages, sentAt);
  const spans = new Array<{ traceId: string; spanId: string; parent: string | null }>(n);
  const outgoing = new Array<FlowMessage>(n);
  const messageIds = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const m = messages[i];
    const span = {
      traceId: m.trace?.traceId ?? newTraceId(),
      spanId: newSpanId(),
      parent: m.trace?.spanId ?? null,
    };
    spans[i] = span;
    const headers = { ...m.headers, [TRACEPARENT]: formatTraceparent(span) };
    // Stored before sending: a fast consumer may deliver (and look the payload up) before send resolves.
    const messageId =
      m.messageId ??
      ctx.sink.recordMessage({
        runId: ctx.runId,
        traceId: span.traceId,
        spanId: span.spanId,
        nodeId: from.id,
        transport,
        destination,
        ts: sentAt,
        key: m.key,
        headers,
        payload: m.payload,
      });
    ctx.rememberPayload(span.spanId, messageId, sentAt);
    messageIds[i] = messageId;
    outgoing[i] = { key: m.key, headers, payload: m.payload, trace: span, messageId };
  }
  let receipts: SendReceipt[] = [];
  let error: string | undefined;
  try {
    receipts = await channel.publish(outgoing, edge, from);
  } catch (err) {
    error = errorText(err);
  }
  const doneAt = Date.now();
  for (let i = 0; i < n; i++) {
    const receipt = receipts[i];
    ctx.sink.recordEvent({
      runId: ctx.runId,
      traceId: spans[i].traceId,
      spanId: spans[i].spanId,
      parentSpanId: spans[i].parent,
      nodeId: from.id,
      kind: error ? 'error' : receipt?.unroutable ? 'unroutable' : receipt?.error ? 'error' : 'produce',
      transport,
      destination,
      ts: sentAt,
      partition: receipt?.partition,
      offset: receipt?.offset,
      key: outgoing[i].key,
      messageId: messageIds[i],
      durationMs: doneAt - sentAt,
      error: error ?? receipt?.error,
      fault: faults?.[i],
    });
  }
  return countOutcome(ctx, from, channel, n, receipts, error, doneAt - sentAt);
}

/** A run with tracing off: the messages go as they are, nothing recorded, only counted. */
async function publishUntraced(
  ctx: RunContext,
  from: FlowNode,
  channel: ChannelActor,
  edge: FlowEdge,
  messages: FlowMessage[],
  sentAt: number,
): Promise<boolean> {
  let receipts: SendReceipt[] = [];
  let error: string | undefined;
  try {
    receipts = await channel.publish(messages, edge, from);
  } catch (err) {
    error = errorText(err);
  }
  return countOutcome(ctx, from, channel, messages.length, receipts, error, Date.now() - sentAt);
}

/** Counters, latency and the run log for one published batch; false when the broker refused it. */
function countOutcome(
  ctx: RunContext,
  from: FlowNode,
  channel: ChannelActor,
  n: number,
  receipts: SendReceipt[],
  error: string | undefined,
  sendMs: number,
): boolean {
  const { transport, destination } = channel;
  if (error) {
    ctx.stats.add(from.id, 'errors', n);
    ctx.fail([from.id], transport, error);
    return false;
  }
  let refused = 0;
  for (const r of receipts) if (r?.error || r?.unroutable) refused++;
  if (refused > 0) {
    const first = receipts.find((r) => r?.error || r?.unroutable);
    ctx.stats.add(from.id, 'errors', refused);
    ctx.log('warning', from.id, first?.error ?? `unroutable: no binding of ${destination} took the message`);
  }
  ctx.stats.add(from.id, 'sent', n - refused);
  ctx.stats.add(channel.node.id, 'received', n - refused);
  for (let i = 0; i < n; i++) ctx.stats.observe(from.id, sendMs);
  return true;
}

/** Shapes flow messages as the transports take them. */
export function toOutgoing(messages: FlowMessage[]): OutgoingMessage[] {
  return messages.map((m) => ({ key: m.key, headers: m.headers, payload: m.payload }));
}

/**
 * Encodes JSON payloads to the channel's wire format (protobuf, Avro, Schema Registry
 * framing). A payload that does not fit is recorded as an error of the sender and not sent.
 */
function encodeAll(
  ctx: RunContext,
  from: FlowNode,
  channel: ChannelActor,
  messages: FlowMessage[],
): FlowMessage[] {
  const contract = channel.contract;
  if (!contract) return messages;
  const out: FlowMessage[] = [];
  for (const m of messages) {
    try {
      const payload = contract.encode(JSON.parse(m.payload.toString('utf8')));
      out.push({ key: m.key, headers: m.headers, payload, trace: m.trace });
    } catch (err) {
      const error = `does not fit the ${contract.encoding} contract of ${channel.destination}: ${errorText(err)}`;
      recordHop(ctx, from, 'error', m, {
        transport: channel.transport,
        destination: channel.destination,
        error,
      });
      ctx.stats.add(from.id, 'errors');
      ctx.log('warning', from.id, error);
    }
  }
  return out;
}
