import type { LintRule } from '../lint-flow';
import { nameOf, nodeIndex, nodesOf, outgoing } from '../lint-graph';

const PROTOCOL = { restClient: 'REST', grpcClient: 'gRPC', graphqlClient: 'GraphQL' } as const;

/** A client that calls nothing cannot run; say which kind of service it needs. */
export const clientWithoutService: LintRule = (flow) => {
  const byId = nodeIndex(flow);
  return nodesOf(flow, 'restClient', 'grpcClient', 'graphqlClient')
    .filter((n) => outgoing(flow, n.id, byId).length === 0)
    .map((n) => {
      const protocol = PROTOCOL[n.kind as keyof typeof PROTOCOL];
      return {
        rule: 'client-without-service',
        severity: 'error',
        nodeId: n.id,
        message: `${protocol} client "${nameOf(n)}" calls nothing: connect it to a ${protocol} service or a gateway`,
      };
    });
};
