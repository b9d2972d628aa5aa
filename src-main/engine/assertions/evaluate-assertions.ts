import { describeAssertion, type FlowAssertion } from '@shared/flow/assertions';
import type { FlowDocument } from '@shared/flow/document';
import type { NodeCounters, RunLogEntry } from '@shared/run/counters';
import type { SagaStatus } from '@shared/run/saga';

/** One assertion checked against a finished run. */
export interface AssertionResult {
  assertion: FlowAssertion;
  /** The assertion's name, or its description when it has none. */
  name: string;
  passed: boolean;
  /** What was measured, e.g. `p99 was 412 ms`; on failure, what broke it. */
  detail: string;
}

/** What a finished run left to check: final counters, its log and its saga instances. */
export interface RunOutcome {
  counters: Record<string, NodeCounters>;
  log: RunLogEntry[];
  sagas: Array<{ id: string; nodeId: string; status: SagaStatus }>;
}

const SETTLED: ReadonlySet<SagaStatus> = new Set(['confirmed', 'compensated']);

/** Checks every assertion of the flow against the run's outcome, in the flow's order. */
export function evaluateAssertions(flow: FlowDocument, outcome: RunOutcome): AssertionResult[] {
  return (flow.assertions ?? []).map((assertion) => {
    const { passed, detail } = check(assertion, flow, outcome);
    return { assertion, name: describeAssertion(assertion), passed, detail };
  });
}

function check(a: FlowAssertion, flow: FlowDocument, o: RunOutcome): { passed: boolean; detail: string } {
  switch (a.kind) {
    case 'noDeadLetters': {
      const counts = deadLetterQueues(flow).map((q) => ({ id: q, n: deadLettered(o.counters[q]) }));
      const hit = counts.filter((c) => c.n > 0);
      if (counts.length === 0) return { passed: true, detail: 'the flow has no dead-letter queue' };
      return hit.length === 0
        ? { passed: true, detail: `nothing reached ${counts.map((c) => c.id).join(', ')}` }
        : {
            passed: false,
            detail: hit.map((c) => `${c.n} message(s) dead-lettered into ${c.id}`).join('; '),
          };
    }
    case 'sagasSettled': {
      const sagas = o.sagas.filter((s) => a.node === undefined || s.nodeId === a.node);
      const open = sagas.filter((s) => !SETTLED.has(s.status));
      if (open.length === 0) return { passed: true, detail: `${sagas.length} saga(s), all settled` };
      const byStatus = new Map<string, number>();
      for (const s of open) byStatus.set(s.status, (byStatus.get(s.status) ?? 0) + 1);
      const parts = [...byStatus].map(([status, n]) => `${n} ${status}`).join(', ');
      return { passed: false, detail: `${open.length} of ${sagas.length} saga(s) did not settle: ${parts}` };
    }
    case 'latencyP99': {
      const p99 = o.counters[a.node]?.p99Ms;
      if (p99 === undefined) return { passed: false, detail: `no latency was measured at ${a.node}` };
      return { passed: p99 <= a.maxMs, detail: `p99 was ${p99} ms (limit ${a.maxMs} ms)` };
    }
    case 'delivered': {
      const n = o.counters[a.node]?.received ?? 0;
      return {
        passed: n >= a.atLeast,
        detail: `${n} delivered to ${a.node} (at least ${a.atLeast} expected)`,
      };
    }
    case 'noErrors': {
      const failed = Object.entries(o.counters)
        .filter(([, c]) => c.status === 'error')
        .map(([id, c]) => `${id}: ${c.error ?? 'error'}`);
      const logged = o.log
        .filter((e) => e.level === 'error')
        .map((e) => `${e.nodeId ?? 'run'}: ${e.message}`);
      const all = [...failed, ...logged];
      return all.length === 0
        ? { passed: true, detail: 'no node in error, no error logged' }
        : { passed: false, detail: all.slice(0, 10).join('; ') };
    }
  }
}

/**
 * Queue nodes that receive other queues' rejected and expired messages: named directly as a
 * queue's dead-letter target, or bound to the exchange a queue names as its target.
 */
export function deadLetterQueues(flow: FlowDocument): string[] {
  const targets = new Set<string>();
  for (const n of flow.nodes)
    if (n.kind === 'rabbitQueue' && n.config.deadLetter) targets.add(n.config.deadLetter);
  const dlxIds = new Set(
    flow.nodes.filter((n) => n.kind === 'rabbitExchange' && targets.has(n.config.exchange)).map((n) => n.id),
  );
  const boundToDlx = new Set(flow.edges.filter((e) => dlxIds.has(e.source)).map((e) => e.target));
  return flow.nodes
    .filter((n) => n.kind === 'rabbitQueue' && (targets.has(n.config.queue) || boundToDlx.has(n.id)))
    .map((n) => n.id);
}

/**
 * Messages that reached a dead-letter queue, as far as the run saw them: routed into it by the
 * flow, or handed on to its readers (the CLI adds a reader to an unread one, see dead-letter-watch.ts).
 */
function deadLettered(c: NodeCounters | undefined): number {
  if (!c) return 0;
  return Math.max(c.received, c.sent + (c.depth ?? 0));
}
