import type { FlowGraph } from './graph/flow-graph';
import type { IncomingMessage } from '../transports/transport';
import { QueueChannel } from './nodes/queue-channel';

/** Quiet time after which the dead-letter queue counts as emptied. */
const IDLE_MS = 400;
/** A redrive never runs longer than this (messages failing again come straight back). */
const MAX_MS = 30_000;

/** What a redrive did: how many messages went back, and to which queue. */
export interface RedriveResult {
  moved: number;
  to: string;
}

/** Lets a caller give each moved message new headers and hear once the broker took it (replay records it). */
export interface RedriveHooks {
  headersFor(message: IncomingMessage): Record<string, string>;
  moved(
    message: IncomingMessage,
    headers: Record<string, string>,
    to: { nodeId: string; queue: string },
  ): void;
}

/** The queue whose dead-letter target is `dlq` (by broker name or node name), if exactly one. */
function sourceOf(graph: FlowGraph, dlq: QueueChannel): QueueChannel {
  const names = new Set([dlq.node.config.queue, dlq.node.config.name]);
  const sources = [...graph.actors.values()].filter(
    (a): a is QueueChannel =>
      a instanceof QueueChannel && a !== dlq && names.has(a.node.config.deadLetter.trim()),
  );
  if (sources.length !== 1) {
    throw new Error(
      sources.length === 0
        ? `no queue of this flow dead-letters into "${dlq.node.config.name}"`
        : `several queues dead-letter into "${dlq.node.config.name}": ${sources.map((s) => s.node.config.name).join(', ')}`,
    );
  }
  return sources[0];
}

/**
 * Moves every message waiting in a dead-letter queue back to the queue that dead-lettered
 * it, during a run: each is republished (confirmed by the broker, headers and trace kept)
 * before it is acked off the dead-letter queue, so a failure leaves it where it was.
 */
export async function redriveDeadLetters(
  graph: FlowGraph,
  dlqNodeId: string,
  hooks?: RedriveHooks,
): Promise<RedriveResult> {
  const dlq = graph.actors.get(dlqNodeId);
  if (!(dlq instanceof QueueChannel)) throw new Error(`node "${dlqNodeId}" is not a queue of this run`);
  const failed = (dlq as { failed?: string }).failed;
  if (failed) throw new Error(`queue "${dlq.node.config.name}" failed: ${failed}`);
  const target = sourceOf(graph, dlq);
  const publisher = await dlq.publisher.get();
  const persistent = target.spec.durable || target.spec.queueType === 'quorum';
  let moved = 0;
  let inFlight = 0;
  let lastSeen = Date.now();
  const problems: string[] = [];
  const consumer = await dlq.queues.consume({
    queue: dlq.destination,
    prefetch: 50,
    onMessage: async (delivery) => {
      inFlight += 1;
      lastSeen = Date.now();
      const m = delivery.message;
      try {
        const headers = hooks ? hooks.headersFor(m) : m.headers;
        const [outcome] = await publisher.publishTo(
          '',
          [{ key: m.key, headers, payload: m.payload, routingKey: target.destination }],
          { mandatory: true, persistent },
        );
        if (outcome?.status === 'confirmed') {
          delivery.ack();
          moved += 1;
          hooks?.moved(m, headers, { nodeId: target.node.id, queue: target.destination });
        } else {
          delivery.nack(true);
          problems.push(outcome ? outcome.error : 'no publish outcome');
        }
      } catch (err) {
        delivery.nack(true);
        problems.push(err instanceof Error ? err.message : String(err));
      } finally {
        inFlight -= 1;
        lastSeen = Date.now();
      }
    },
  });
  const started = Date.now();
  try {
    while (problems.length === 0 && Date.now() - started < MAX_MS) {
      if (inFlight === 0 && Date.now() - lastSeen >= IDLE_MS) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await consumer.close();
  }
  const to = target.node.config.name;
  graph.ctx.log('info', dlqNodeId, `redrove ${moved} message(s) to "${to}"`);
  if (problems.length > 0) throw new Error(`redrive stopped after ${moved} message(s): ${problems[0]}`);
  return { moved, to };
}
