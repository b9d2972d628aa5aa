import { z } from 'zod';
import type { FlowProblem } from './document';

/**
 * What a run of the flow must show to pass (the CLI's `flowbench run` checks them and exits
 * non-zero when one fails). Optional in the file: flows without them parse and save as before.
 * Nodes are referred to by id, which stays put when a node is renamed.
 */

const nodeId = z.string({ error: 'is required' }).trim().min(1, 'is required').max(100);
const label = z.string().trim().max(200).optional();

/** Kinds of assertion, as written in flow files: never rename one. */
export const ASSERTION_KINDS = [
  'noDeadLetters',
  'sagasSettled',
  'latencyP99',
  'delivered',
  'noErrors',
] as const;

export const flowAssertionSchema = z.discriminatedUnion(
  'kind',
  [
    /** No message reached a dead-letter queue (a queue another queue names as its dead-letter target). */
    z.object({ kind: z.literal('noDeadLetters'), name: label }),
    /** Every saga instance of the run (of one orchestrator, when `node` is set) ended confirmed or compensated. */
    z.object({ kind: z.literal('sagasSettled'), name: label, node: nodeId.optional() }),
    /** The node's 99th percentile latency stayed at or under `maxMs`. */
    z.object({
      kind: z.literal('latencyP99'),
      name: label,
      node: nodeId,
      maxMs: z.number({ error: 'must be a number' }).positive('must be more than 0').max(3_600_000),
    }),
    /** At least `atLeast` messages were delivered to (received by) the node. */
    z.object({
      kind: z.literal('delivered'),
      name: label,
      node: nodeId,
      atLeast: z.number().int('must be a whole number').min(1, 'must be 1 or more'),
    }),
    /** No node ended the run in error and the run log holds no error. */
    z.object({ kind: z.literal('noErrors'), name: label }),
  ],
  { error: `kind must be one of ${ASSERTION_KINDS.join(', ')}` },
);

/** One assertion of a flow. */
export type FlowAssertion = z.infer<typeof flowAssertionSchema>;

/** The optional `assertions` list of a flow file. */
export const assertionList = z.array(flowAssertionSchema).max(200, 'at most 200 assertions');

/** A readable one-line description, used as the assertion's name when it has none. */
export function describeAssertion(a: FlowAssertion): string {
  if (a.name) return a.name;
  switch (a.kind) {
    case 'noDeadLetters':
      return 'no message dead-lettered';
    case 'sagasSettled':
      return a.node
        ? `every saga of ${a.node} ends confirmed or compensated`
        : 'every saga ends confirmed or compensated';
    case 'latencyP99':
      return `p99 latency ≤ ${a.maxMs} ms at ${a.node}`;
    case 'delivered':
      return `at least ${a.atLeast} messages delivered to ${a.node}`;
    case 'noErrors':
      return 'no node ends in error';
  }
}

/** Node kinds a `sagasSettled` assertion may name. */
const SAGA_KINDS = new Set(['sagaOrchestrator']);

/** Assertions naming nodes the flow does not have (or a saga check on a node that is no saga). */
export function assertionProblems(
  assertions: readonly FlowAssertion[],
  nodes: ReadonlyArray<{ id: string; kind: string }>,
): FlowProblem[] {
  const kindOf = new Map(nodes.map((n) => [n.id, n.kind]));
  const problems: FlowProblem[] = [];
  assertions.forEach((a, i) => {
    if (!('node' in a) || a.node === undefined) return;
    const path = `assertions[${i}].node`;
    const kind = kindOf.get(a.node);
    if (kind === undefined) {
      problems.push({ path, message: `names node "${a.node}", which the flow does not have` });
    } else if (a.kind === 'sagasSettled' && !SAGA_KINDS.has(kind)) {
      problems.push({
        path,
        nodeId: a.node,
        message: `names node "${a.node}", which is a ${kind}, not a saga orchestrator`,
      });
    }
  });
  return problems;
}
