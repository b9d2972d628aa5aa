import type { FlowDocument, FlowProblem } from '@shared/flow/document';
import { NODE_CATALOG } from '@shared/flow/node-catalog';
import type { NodeKind } from '@shared/flow/node-kinds';

/** The kinds this runtime runs; the architecture patterns (gateway, saga, event store, projection, mesh policy) arrive with issue 5. */
const RUNNABLE: ReadonlySet<NodeKind> = new Set([
  'producer',
  'consumer',
  'kafkaTopic',
  'rabbitQueue',
  'grpcService',
  'grpcClient',
  'timer',
  'sink',
  'rabbitExchange',
  'restService',
  'restClient',
  'router',
  'filter',
  'graphqlService',
  'graphqlClient',
  'apiGateway',
  'meshPolicy',
  'sagaOrchestrator',
  'eventStore',
  'projection',
]);

/** Annotations document the flow; they never run, so they are never a problem. */
const IGNORED: ReadonlySet<NodeKind> = new Set(['group', 'note']);

/** The connections between runnable kinds that this runtime wires (format 1's table). */
const RUNNABLE_EDGES = new Set([
  'producer>kafkaTopic',
  'producer>rabbitQueue',
  'kafkaTopic>consumer',
  'rabbitQueue>consumer',
  'grpcClient>grpcService',
  'kafkaTopic>sink',
  'rabbitQueue>sink',
  'timer>kafkaTopic',
  'timer>rabbitQueue',
  'grpcService>kafkaTopic',
  'grpcService>rabbitQueue',
  'producer>rabbitExchange',
  'timer>rabbitExchange',
  'grpcService>rabbitExchange',
  'rabbitExchange>rabbitQueue',
  'rabbitExchange>rabbitExchange',
  'restClient>restService',
  'restService>kafkaTopic',
  'restService>rabbitQueue',
  'restService>rabbitExchange',
  'graphqlClient>graphqlService',
  'graphqlService>kafkaTopic',
  'graphqlService>rabbitQueue',
  'graphqlService>rabbitExchange',
  'graphqlService>restService',
  'graphqlService>grpcService',
  'kafkaTopic>graphqlService',
  'rabbitQueue>graphqlService',
  'restClient>apiGateway',
  'apiGateway>restService',
  'apiGateway>grpcService',
  'apiGateway>graphqlService',
  'meshPolicy>restService',
  'meshPolicy>grpcService',
  'meshPolicy>graphqlService',
  'meshPolicy>apiGateway',
  'timer>sagaOrchestrator',
  'kafkaTopic>sagaOrchestrator',
  'rabbitQueue>sagaOrchestrator',
  'sagaOrchestrator>restService',
  'sagaOrchestrator>grpcService',
  'kafkaTopic>eventStore',
  'rabbitQueue>eventStore',
  'restService>eventStore',
  'grpcService>eventStore',
  'graphqlService>eventStore',
  'eventStore>projection',
  'eventStore>kafkaTopic',
  'eventStore>rabbitQueue',
  'eventStore>rabbitExchange',
  'kafkaTopic>projection',
  'rabbitQueue>projection',
  'projection>restService',
]);

/** Routers and filters pass messages on to (or take them from) channels and reading nodes. */
const ROUTING: ReadonlySet<NodeKind> = new Set(['router', 'filter']);
const ROUTABLE: ReadonlySet<NodeKind> = new Set([
  'kafkaTopic',
  'rabbitQueue',
  'rabbitExchange',
  'consumer',
  'sink',
  'router',
  'filter',
  'timer',
  'sagaOrchestrator',
]);

const LATER = 'this arrives with the pattern runtime (issue 5)';

/** `REST services`, `Mesh policies`: the plural of a kind's label, for sentences. */
function plural(kind: NodeKind): string {
  const label = NODE_CATALOG[kind].label;
  return /[^aeiou]y$/.test(label) ? `${label.slice(0, -1)}ies` : `${label}s`;
}

/**
 * One clear problem per node, connection or setting the runtime cannot run yet, so a flow
 * that uses the newer kinds is refused before anything connects instead of half-running.
 */
export function unsupportedProblems(flow: FlowDocument): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const kindOf = new Map(flow.nodes.map((n) => [n.id, n.kind]));
  flow.nodes.forEach((node, i) => {
    if (IGNORED.has(node.kind)) return;
    if (!RUNNABLE.has(node.kind)) {
      problems.push({
        path: `nodes[${i}]`,
        nodeId: node.id,
        message: `${plural(node.kind)} do not run yet — ${LATER}; remove the node or run the rest`,
      });
    }
  });
  flow.edges.forEach((edge, i) => {
    const s = kindOf.get(edge.source);
    const t = kindOf.get(edge.target);
    // Edges touching a kind that does not run are covered by that node's problem.
    if (!s || !t || !RUNNABLE.has(s) || !RUNNABLE.has(t) || RUNNABLE_EDGES.has(`${s}>${t}`)) return;
    if ((ROUTING.has(s) && ROUTABLE.has(t)) || (ROUTING.has(t) && ROUTABLE.has(s))) return;
    problems.push({
      path: `edges[${i}]`,
      edgeId: edge.id,
      message: `connections from ${NODE_CATALOG[s].noun} to ${NODE_CATALOG[t].noun} do not run yet — ${LATER}`,
    });
  });
  return problems;
}
