import type { FlowEdge } from '../../document';
import { outlineProto, serviceMethods } from '../../proto-outline';
import { isExternalUrl, matchRoute } from '../../rest-paths';
import { routesOfResources } from '../../rest-resource-routes';
import { outlineOperation, outlineSdl } from '../../sdl-outline';
import type { LintFinding, LintRule } from '../lint-flow';
import { list, nameOf, nodeIndex, record, text, type LintNode } from '../lint-graph';

/**
 * A client must call something its service defines: a method of the .proto (gRPC), a
 * route (REST), a root field of the schema (GraphQL), or a gateway route's prefix.
 */
export const unknownMethod: LintRule = (flow) => {
  const byId = nodeIndex(flow);
  const findings: LintFinding[] = [];
  for (const edge of flow.edges) {
    const client = byId.get(edge.source);
    const service = byId.get(edge.target);
    if (!client || !service) continue;
    const problem = callProblem(client, service, edge);
    if (problem) {
      findings.push({
        rule: 'unknown-method',
        severity: 'error',
        nodeId: client.id,
        edgeId: edge.id,
        message: problem,
      });
    }
  }
  return findings;
};

function callProblem(client: LintNode, service: LintNode, edge: FlowEdge): string | null {
  const who = `"${nameOf(client)}"`;
  const to = `"${nameOf(service)}"`;
  if (client.kind === 'grpcClient' && service.kind === 'grpcService') {
    const methods = serviceMethods(outlineProto(text(service.config.proto)), text(service.config.service));
    const names = methods.map((m) => m.name);
    if (!edge.targetHandle)
      return `gRPC client ${who} calls no method of ${to}: connect it to one of its methods`;
    if (names.includes(edge.targetHandle)) return null;
    return `gRPC client ${who} calls ${edge.targetHandle}, which ${to} does not define (it has ${names.join(', ') || 'no methods'})`;
  }
  if (client.kind === 'restClient' && (service.kind === 'restService' || service.kind === 'apiGateway')) {
    const method = text(client.config.method) || 'GET';
    const path = text(client.config.path);
    if (!path || isExternalUrl(path)) return null;
    if (service.kind === 'apiGateway') {
      const prefixes = list(service.config.routes).map((r) => text(record(r).pathPrefix));
      if (
        prefixes.some(
          (p) =>
            p && (path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`) || path.startsWith(`${p}?`)),
        )
      ) {
        return null;
      }
      return `REST client ${who} calls ${path}, which no route of gateway ${to} covers`;
    }
    const routes = [
      ...list(service.config.routes).map(record),
      ...routesOfResources(service.config.resources),
    ];
    if (matchRoute(routes, method, path) >= 0) return null;
    return `REST client ${who} calls ${method} ${path}, which ${to} has no route for`;
  }
  if (client.kind === 'graphqlClient' && service.kind === 'graphqlService') {
    const op = outlineOperation(text(client.config.query));
    if (!op)
      return `GraphQL client ${who} has no operation to send: write a query such as { order(id: 1) { id } }`;
    const offered = outlineSdl(text(service.config.schema))[op.type];
    const missing = op.fields.filter((f) => f !== '__typename' && !offered.includes(f));
    if (missing.length === 0) return null;
    const typeName = op.type.charAt(0).toUpperCase() + op.type.slice(1);
    return `GraphQL client ${who} asks for ${missing.map((f) => `${typeName}.${f}`).join(', ')}, which ${to} does not define`;
  }
  return null;
}
