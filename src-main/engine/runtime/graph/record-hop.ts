import type { FlowNode } from '@shared/flow/document';
import type { InjectedFault, TraceEventKind, Transport } from '@shared/trace/events';
import { newSpanId, newTraceId } from '../../trace/traceparent';
import type { RunContext } from '../run-context';
import type { FlowMessage } from './flow-message';

/**
 * Records one span at a node for what happened to a message there besides delivery and
 * settling: filtered out (`drop`), refused by its contract, held or dropped by an injected
 * fault. A child of the message's current span.
 */
export function recordHop(
  ctx: RunContext,
  node: FlowNode,
  kind: TraceEventKind,
  message: FlowMessage,
  detail: { transport: Transport; destination: string; error?: string; fault?: InjectedFault },
): void {
  ctx.sink.recordEvent({
    runId: ctx.runId,
    traceId: message.trace?.traceId ?? newTraceId(),
    spanId: newSpanId(),
    parentSpanId: message.trace?.spanId ?? null,
    nodeId: node.id,
    kind,
    transport: detail.transport,
    destination: detail.destination,
    ts: Date.now(),
    key: message.key,
    messageId: message.messageId,
    error: detail.error,
    fault: detail.fault,
  });
}
