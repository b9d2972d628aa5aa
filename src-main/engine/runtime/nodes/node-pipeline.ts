import type { FlowNode } from '@shared/flow/document';
import type { BehaviourSpec } from '@shared/flow/kinds/behaviours';
import { BehaviourPipeline } from '../../behaviour/behaviour-pipeline';
import type { BehaviourMessage } from '../../behaviour/behaviour-message';
import { templateRenderer } from '../../behaviour/template-renderer';
import { systemClock } from '../../faults/clock';
import type { FaultProtocol } from '../../faults/protocol-error';
import type { FlowGraph } from '../graph/flow-graph';
import type { FlowMessage } from '../graph/flow-message';
import { callNode } from './call-node';

/** A node's behaviour steps (transform, split, aggregate…) run over the messages it handles. */
export interface NodePipeline {
  /** Messages out; a route step sets `output` (a router handle or a connected node's name). */
  process(message: FlowMessage): Promise<Array<FlowMessage & { output?: string }>>;
  /** Aggregates still open when the run stops are emitted, not lost. */
  flush(): Promise<Array<FlowMessage & { output?: string }>>;
  /** What a recover step makes of a message that failed at the node; null without one. */
  recover(message: FlowMessage, reason: string): Promise<Array<FlowMessage & { output?: string }> | null>;
}

export function toBehaviour(m: FlowMessage): BehaviourMessage {
  return { key: m.key, headers: m.headers, payload: m.payload, trace: m.trace };
}

/** Back to a flow message; the stored payload is kept only when the payload is the same buffer. */
export function fromBehaviour(m: BehaviourMessage, before?: FlowMessage): FlowMessage & { output?: string } {
  return {
    key: m.key,
    headers: m.headers,
    payload: m.payload,
    trace: m.trace ?? before?.trace ?? null,
    messageId: before && m.payload === before.payload ? before.messageId : undefined,
    output: m.output,
  };
}

/**
 * The pipeline of a node, or null when it has no steps. Steps whose output appears later (an
 * aggregate window closing on a timer) are handed to `late`; step failures are logged on the
 * node with the field that failed.
 */
export function nodePipeline(
  graph: FlowGraph,
  node: FlowNode,
  specs: readonly BehaviourSpec[] | undefined,
  protocol: FaultProtocol,
  late: (messages: Array<FlowMessage & { output?: string }>) => void,
): NodePipeline | null {
  if (!specs || specs.length === 0) return null;
  const pipeline = new BehaviourPipeline(specs, {
    nodeId: node.id,
    render: templateRenderer(),
    call: (target, message) => callNode(graph, target, message),
    protocol,
    clock: systemClock,
    random: Math.random,
    // A group is a bounded context: the reactions inside one service share its state.
    state: graph.ctx.stateOf(node.parentId ?? node.id),
    emit: (messages) => late(messages.map((m) => fromBehaviour(m))),
    onError: (err) => graph.ctx.log('warning', node.id, err.message),
  });
  return {
    process: async (m) => (await pipeline.process(toBehaviour(m))).map((out) => fromBehaviour(out, m)),
    flush: async () => (await pipeline.flush()).map((m) => fromBehaviour(m)),
    recover: async (m, reason) =>
      (await pipeline.recoverFailure(toBehaviour(m), reason))?.map((out) => fromBehaviour(out, m)) ?? null,
  };
}
