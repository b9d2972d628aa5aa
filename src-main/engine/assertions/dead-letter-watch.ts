import type { FlowDocument, FlowNode } from '@shared/flow/document';
import { deadLetterQueues } from './evaluate-assertions';

/** Prefix of the sink nodes added to watch dead-letter queues (never written to a file). */
export const WATCH_PREFIX = 'dead-letter-watch-';

/**
 * A copy of the flow in which every dead-letter queue nobody reads gets a sink reading it,
 * when the flow asserts that nothing is dead-lettered: the broker moves rejected and expired
 * messages there by itself, so only a reader makes them visible in the run's counters (and
 * in the trace). The watched queues are emptied by that reader, as any consumer would.
 */
export function withDeadLetterWatch(flow: FlowDocument): FlowDocument {
  if (!flow.assertions?.some((a) => a.kind === 'noDeadLetters')) return flow;
  const read = new Set(flow.edges.map((e) => e.source));
  const unread = deadLetterQueues(flow).filter((id) => !read.has(id));
  if (unread.length === 0) return flow;
  const taken = new Set(flow.nodes.map((n) => n.id));
  const nodes: FlowNode[] = [...flow.nodes];
  const edges = [...flow.edges];
  for (const id of unread) {
    let watchId = `${WATCH_PREFIX}${id}`;
    while (taken.has(watchId)) watchId += '-';
    taken.add(watchId);
    const queue = flow.nodes.find((n) => n.id === id) as FlowNode;
    nodes.push({
      id: watchId,
      kind: 'sink',
      position: { x: queue.position.x + 200, y: queue.position.y },
      ...(queue.parentId ? { parentId: queue.parentId } : {}),
      config: { name: `${id} watch`, recordPayloads: true },
    });
    edges.push({ id: `${watchId}-edge`, source: id, target: watchId });
  }
  return { ...flow, nodes, edges };
}
