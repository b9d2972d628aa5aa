import type { FlowNode } from '@shared/flow/document';
import type { InjectedFault, TraceEvent, TraceEventKind, Transport } from '@shared/trace/events';
import { newSpanId, newTraceId, parseTraceparent, TRACEPARENT } from '../../trace/traceparent';
import type { IncomingMessage } from '../../transports/transport';
import type { RunContext } from '../run-context';
import type { FlowMessage } from './flow-message';
import type { Settle } from './node-actor';

/** Where a delivery came from: a channel (through its broker) or an upstream node in-process. */
export interface DeliverySource {
  nodeId: string;
  destination: string;
  transport: Transport;
}

/** What a reading node did with a message. */
export type Outcome = { settle: 'ack' } | { settle: 'nack'; requeue: boolean; error?: string };

export const ACK: Outcome = { settle: 'ack' };

/** Turns a broker delivery into a flow message joined to its producer's trace. */
export function fromIncoming(ctx: RunContext, message: IncomingMessage): FlowMessage {
  const trace = parseTraceparent(message.headers[TRACEPARENT]);
  return {
    key: message.key,
    headers: message.headers,
    payload: message.payload,
    trace,
    messageId: ctx.payloadOf(trace?.spanId ?? null),
  };
}

/**
 * One delivery to a reading node: records a deliver span (child of the hop that sent it),
 * lets the node's work run with that span as the message's trace, then settles and records
 * the ack or nack. A message not produced by this run (an earlier run, another client) is
 * stored as it arrived.
 */
export async function deliverTo(
  ctx: RunContext,
  node: FlowNode,
  source: DeliverySource,
  message: FlowMessage,
  work: (message: FlowMessage) => Promise<Outcome>,
  settle?: Settle,
  position?: Pick<IncomingMessage, 'partition' | 'offset' | 'redelivered'>,
  /** An injected fault that shaped this delivery (delayed, duplicated, failed), for the trace. */
  fault?: InjectedFault,
): Promise<void> {
  if (!ctx.tracing) return deliverUntraced(ctx, node, source, message, work, settle);
  const traceId = message.trace?.traceId ?? newTraceId();
  const parentSpanId = message.trace?.spanId ?? null;
  const spanId = newSpanId();
  const receivedAt = Date.now();
  ctx.lastDeliveryAt = receivedAt;
  const { transport, destination } = source;
  let messageId = message.messageId;
  if (messageId === undefined) {
    messageId = ctx.sink.recordMessage({
      runId: ctx.runId,
      traceId,
      spanId,
      nodeId: node.id,
      transport,
      destination,
      ts: receivedAt,
      key: message.key,
      partition: position?.partition,
      headers: message.headers,
      payload: message.payload,
    });
    ctx.rememberPayload(spanId, messageId);
  }
  // One literal of one shape per event, not `{ ...base, … }`: spreading a shared base
  // per delivery was the consumer's largest cost (about 10 µs per message in a profile).
  const hop = (
    kind: TraceEventKind,
    span: string,
    parent: string | null,
    ts: number,
    durationMs?: number,
    error?: string,
    injected?: InjectedFault,
  ): TraceEvent => ({
    runId: ctx.runId,
    traceId,
    spanId: span,
    parentSpanId: parent,
    nodeId: node.id,
    kind,
    transport,
    destination,
    ts,
    partition: position?.partition,
    offset: position?.offset,
    key: message.key,
    messageId,
    durationMs,
    error,
    fault: injected,
  });
  // The broker says it handed this message out before (a nack with requeue, a lost consumer).
  const kind = position?.redelivered ? 'redeliver' : 'deliver';
  ctx.sink.recordEvent(hop(kind, spanId, parentSpanId, receivedAt, undefined, undefined, fault));
  ctx.stats.add(node.id, 'received');
  ctx.stats.add(source.nodeId, 'sent');
  const outcome = await outcomeOf(work, { ...message, trace: { traceId, spanId }, messageId });
  const error = settleBy(outcome, settle);
  if (error !== undefined) {
    ctx.sink.recordEvent(hop('error', newSpanId(), spanId, Date.now(), undefined, error));
    ctx.stats.add(node.id, 'errors');
    ctx.fail([node.id], transport, error);
    return;
  }
  const doneAt = Date.now();
  // End to end when this run sent it (produced → handled), else from arrival.
  ctx.stats.observe(node.id, doneAt - (ctx.sentAt(parentSpanId) ?? receivedAt));
  if (outcome.settle === 'ack') {
    ctx.sink.recordEvent(hop('ack', newSpanId(), spanId, doneAt, doneAt - receivedAt));
    ctx.stats.add(node.id, 'acked');
  } else {
    ctx.sink.recordEvent(hop('nack', newSpanId(), spanId, doneAt, doneAt - receivedAt, outcome.error, fault));
    ctx.stats.add(node.id, 'nacked');
    if (outcome.error) {
      ctx.stats.add(node.id, 'errors');
      ctx.log('warning', node.id, outcome.error);
    }
  }
}

/** A delivery of a run with tracing off: the same work, settling and counting, nothing recorded. */
async function deliverUntraced(
  ctx: RunContext,
  node: FlowNode,
  source: DeliverySource,
  message: FlowMessage,
  work: (message: FlowMessage) => Promise<Outcome>,
  settle?: Settle,
): Promise<void> {
  const receivedAt = Date.now();
  ctx.lastDeliveryAt = receivedAt;
  ctx.stats.add(node.id, 'received');
  ctx.stats.add(source.nodeId, 'sent');
  const outcome = await outcomeOf(work, message);
  const error = settleBy(outcome, settle);
  if (error !== undefined) {
    ctx.stats.add(node.id, 'errors');
    ctx.fail([node.id], source.transport, error);
    return;
  }
  ctx.stats.observe(node.id, Date.now() - receivedAt);
  if (outcome.settle === 'ack') {
    ctx.stats.add(node.id, 'acked');
    return;
  }
  ctx.stats.add(node.id, 'nacked');
  if (outcome.error) {
    ctx.stats.add(node.id, 'errors');
    ctx.log('warning', node.id, outcome.error);
  }
}

/** The node's work on a delivery; a throw is a nack without requeue, carrying its message. */
async function outcomeOf(
  work: (message: FlowMessage) => Promise<Outcome>,
  message: FlowMessage,
): Promise<Outcome> {
  try {
    return await work(message);
  } catch (err) {
    return { settle: 'nack', requeue: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Acks or nacks as the outcome says; returns the broker's error when settling failed. */
function settleBy(outcome: Outcome, settle: Settle | undefined): string | undefined {
  try {
    if (outcome.settle === 'ack') settle?.ack();
    else settle?.nack(outcome.requeue);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
