import type { FlowDocument, FlowNode } from '@shared/flow/document';
import type { GatewayRoute } from '@shared/flow/kinds/patterns';
import { compileTemplate, type CompiledTemplate } from '../template/payload-template';
import type { CompiledGrpcService } from './compiled-flow';

/** The kinds a gateway route can send to. */
export type GatewayTargetKind = 'restService' | 'grpcService' | 'graphqlService';

export interface CompiledGatewayRoute {
  route: GatewayRoute;
  /** The service node the route sends to, and the edge it goes along (its mesh policy, if any). */
  targetId: string;
  edgeId: string;
  targetKind: GatewayTargetKind;
  /** Shapes the answer; null passes the service's answer through. */
  transform: CompiledTemplate | null;
  /** For gRPC targets: the service it calls. */
  grpc: CompiledGrpcService | null;
}

export interface CompiledApiGateway {
  node: FlowNode<'apiGateway'>;
  routes: CompiledGatewayRoute[];
}

const TARGET_KINDS: ReadonlySet<string> = new Set(['restService', 'grpcService', 'graphqlService']);

/**
 * Checks every gateway route before anything connects: its target is a REST, gRPC or GraphQL
 * service the gateway is connected to, a gRPC target names a unary method of that service,
 * and the transform template compiles. Problems go to `at` with the route's field.
 */
export function compileGateways(
  flow: FlowDocument,
  at: (node: FlowNode, field: string, message: string) => void,
  grpcServices: Map<string, CompiledGrpcService>,
): CompiledApiGateway[] {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const gateways: CompiledApiGateway[] = [];
  for (const node of flow.nodes) {
    if (node.kind !== 'apiGateway') continue;
    const connected = flow.edges
      .filter((e) => e.source === node.id)
      .map((edge) => ({ edge, target: byId.get(edge.target) }))
      .filter(
        (x): x is { edge: typeof x.edge; target: FlowNode } => !!x.target && TARGET_KINDS.has(x.target.kind),
      );
    const routes: CompiledGatewayRoute[] = [];
    node.config.routes.forEach((route, i) => {
      const field = `routes[${i}]`;
      const hit = connected.find((c) => c.target.config.name === route.target);
      if (!hit) {
        const names = connected.map((c) => `"${c.target.config.name}"`).join(', ') || 'none';
        at(
          node,
          `${field}.target`,
          `"${route.target}" is not a service connected to this gateway (connected: ${names})`,
        );
        return;
      }
      let grpc: CompiledGrpcService | null = null;
      if (hit.target.kind === 'grpcService') {
        grpc = grpcServices.get(hit.target.id) ?? null;
        const method = grpc?.service.methods.find((m) => m.name === route.grpcMethod);
        if (grpc && !method) {
          const unary = grpc.service.methods
            .filter((m) => !m.requestStream && !m.responseStream)
            .map((m) => m.name);
          at(
            node,
            `${field}.grpcMethod`,
            `must name a unary method of "${route.target}" (${unary.join(', ') || 'none'})`,
          );
          return;
        }
        if (method && (method.requestStream || method.responseStream)) {
          at(node, `${field}.grpcMethod`, `${method.name} streams; a gateway route calls unary methods only`);
          return;
        }
      }
      let transform: CompiledTemplate | null = null;
      if (route.transform.trim()) {
        try {
          transform = compileTemplate(route.transform);
        } catch (err) {
          at(node, `${field}.transform`, (err as Error).message);
          return;
        }
      }
      routes.push({
        route,
        targetId: hit.target.id,
        edgeId: hit.edge.id,
        targetKind: hit.target.kind as GatewayTargetKind,
        transform,
        grpc,
      });
    });
    gateways.push({ node, routes });
  }
  return gateways;
}

/** Mesh policies: every split share must name a service of the flow. */
export function checkMeshPolicies(
  flow: FlowDocument,
  at: (node: FlowNode, field: string, message: string) => void,
): void {
  const services = new Set(
    flow.nodes.filter((n) => TARGET_KINDS.has(n.kind) || n.kind === 'apiGateway').map((n) => n.config.name),
  );
  for (const node of flow.nodes) {
    if (node.kind !== 'meshPolicy') continue;
    node.config.trafficSplit.forEach((share, i) => {
      if (!services.has(share.target))
        at(node, `trafficSplit[${i}].target`, `"${share.target}" is not a service of this flow`);
    });
    if (!node.config.mtls) continue;
    // mTLS is served by REST and gRPC services; say so rather than run a plaintext path silently.
    const governed = new Set([
      ...flow.edges.filter((e) => e.source === node.id).map((e) => e.target),
      ...flow.edges.filter((e) => e.config?.policy?.trim() === node.config.name).map((e) => e.target),
      ...flow.nodes
        .filter((n) => node.config.trafficSplit.some((s) => s.target === n.config.name))
        .map((n) => n.id),
    ]);
    const unsupported = flow.nodes.filter(
      (n) => governed.has(n.id) && (n.kind === 'graphqlService' || n.kind === 'apiGateway'),
    );
    if (unsupported.length > 0)
      at(
        node,
        'mtls',
        `mutual TLS runs between REST and gRPC services for now, not for ${unsupported.map((n) => `"${n.config.name}"`).join(', ')}`,
      );
  }
}
