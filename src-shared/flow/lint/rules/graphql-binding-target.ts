import type { LintableFlow, LintRule } from '../lint-flow';
import {
  incoming,
  list,
  nameOf,
  nodeIndex,
  nodesOf,
  outgoing,
  record,
  text,
  type LintNode,
} from '../lint-graph';

const CHANNELS = ['kafkaTopic', 'rabbitQueue', 'rabbitExchange'];

/**
 * A GraphQL service's bound field names another node: a mutation publishes to a channel it
 * connects to, a subscription reads a topic or queue connected into it, a call goes to a REST
 * or gRPC service it connects to. Say which of these a binding misses.
 */
export const graphqlBindingTarget: LintRule = (flow) =>
  nodesOf(flow, 'graphqlService').flatMap((service) =>
    list(service.config.bindings)
      .map(record)
      .flatMap((binding) => {
        const problem = bindingProblem(flow, service, text(binding.action) || 'publish', text(binding.node));
        if (!problem) return [];
        return [
          {
            rule: 'graphql-binding-target',
            severity: 'error' as const,
            nodeId: service.id,
            message: `Field ${text(binding.field) || '?'} of GraphQL service "${nameOf(service)}" ${problem}`,
          },
        ];
      }),
  );

function bindingProblem(
  flow: LintableFlow,
  service: LintNode,
  action: string,
  target: string,
): string | null {
  const wanted = target.trim();
  if (!wanted) return 'names no node';
  const node = flow.nodes.find((n) => nameOf(n) === wanted || n.id === wanted);
  if (!node) return `names "${wanted}", which no node is called`;
  const byId = nodeIndex(flow);
  if (action === 'subscribe') {
    if (node.kind !== 'kafkaTopic' && node.kind !== 'rabbitQueue')
      return `reads "${wanted}", which is not a topic or queue`;
    return incoming(flow, service.id, byId).some((x) => x.node.id === node.id)
      ? null
      : `reads "${wanted}", but "${wanted}" is not connected to "${nameOf(service)}"`;
  }
  if (action === 'call' && node.kind !== 'restService' && node.kind !== 'grpcService')
    return `calls "${wanted}", which is not a REST or gRPC service`;
  if (action !== 'call' && !CHANNELS.includes(node.kind))
    return `publishes to "${wanted}", which is not a topic, queue or exchange`;
  return outgoing(flow, service.id, byId).some((x) => x.node.id === node.id)
    ? null
    : `goes to "${wanted}", but "${nameOf(service)}" is not connected to it`;
}
