import type { NodeKind } from '../../node-kinds';
import type { LintRule } from '../lint-flow';
import { deadLetterLinks, isTrafficEdge, list, nameOf, nodeIndex, record, text } from '../lint-graph';

/** Where traffic starts: producers, clients and timers, and the entry points started from outside. */
const ORIGINS: readonly NodeKind[] = [
  'producer',
  'timer',
  'restClient',
  'grpcClient',
  'graphqlClient',
  'apiGateway',
  'sagaOrchestrator',
];
/** Kinds that never carry traffic, so "unreachable" means nothing for them. */
const PASSIVE: readonly NodeKind[] = ['group', 'note', 'meshPolicy'];

/** governed service id → split target id, for every mesh policy with a traffic split. */
function splitLinks(
  flow: Parameters<LintRule>[0],
  byId: ReturnType<typeof nodeIndex>,
): Array<[string, string]> {
  const idByName = new Map(flow.nodes.map((n) => [nameOf(n), n.id]));
  return flow.nodes
    .filter((p) => p.kind === 'meshPolicy')
    .flatMap((p) => {
      const governed = [
        ...flow.edges.filter((e) => e.source === p.id).map((e) => e.target),
        ...flow.edges.filter((e) => text(e.config?.policy).trim() === nameOf(p)).map((e) => e.target),
      ];
      const shares = list(p.config.trafficSplit)
        .map((s) => idByName.get(text(record(s).target)))
        .filter((id): id is string => !!id && byId.has(id));
      return governed.flatMap((g) => shares.map((s): [string, string] => [g, s]));
    });
}

/** A node no origin leads to never receives anything when the flow runs. */
export const unreachableNode: LintRule = (flow) => {
  const byId = nodeIndex(flow);
  const next = new Map<string, string[]>();
  for (const e of flow.edges) {
    if (!isTrafficEdge(e, flow, byId)) continue;
    next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  }
  // A mesh policy's traffic split sends calls meant for the services it governs to its shares.
  for (const [from, to] of splitLinks(flow, byId)) next.set(from, [...(next.get(from) ?? []), to]);
  // Rejected and expired messages reach a queue's dead-letter target without an edge.
  for (const { from, to } of deadLetterLinks(flow)) next.set(from.id, [...(next.get(from.id) ?? []), to.id]);
  const reached = new Set<string>();
  const queue = flow.nodes.filter((n) => ORIGINS.includes(n.kind)).map((n) => n.id);
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (reached.has(id)) continue;
    reached.add(id);
    queue.push(...(next.get(id) ?? []));
  }
  return flow.nodes
    .filter((n) => !reached.has(n.id) && !PASSIVE.includes(n.kind))
    .map((n) => ({
      rule: 'unreachable-node',
      severity: 'warning',
      nodeId: n.id,
      message: `Nothing reaches "${nameOf(n)}": no producer, client, timer, gateway or saga leads to it`,
    }));
};
