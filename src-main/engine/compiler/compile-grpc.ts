import type { FlowDocument, FlowNode, FlowProblem } from '@shared/flow/document';
import { compileTemplate, type CompiledTemplate } from '../template/payload-template';
import { ConfigFieldError, externalCall } from '../transports/grpc/external-target';
import { ProtoError } from '../transports/grpc/load-proto';
import { loadFlowProtoService } from '../transports/grpc/proto-files';
import { serviceBehaviours } from '../transports/grpc/service-behaviours';
import { templateReply } from '../transports/grpc/template-reply';
import type { CompiledGrpcClient, CompiledGrpcService } from './compiled-flow';

/** What compiling gRPC nodes needs from the flow compiler. */
export interface GrpcCompileScope {
  flow: FlowDocument;
  /** The flow's folder when the host vouches for it; .proto files and TLS files are read there. */
  flowDir: string | null;
  /** Records a problem at a node's config field ('' for the node itself). */
  at(node: FlowNode, field: string, message: string): void;
  /** Records a problem that is not at a node's field (an edge). */
  push(problem: FlowProblem): void;
  /** Compiles a template at a field, recording its problem; null when it does not compile. */
  template(node: FlowNode, field: string, source: string, json: boolean): CompiledTemplate | null;
}

const INLINE_PROTO = '(inline .proto)';

/**
 * Loads every gRPC service node's .proto (inline source or `protoFile`, with its `imports`
 * and the flow folder's files) and builds each method's behaviour. .proto errors name the
 * file and line; behaviour errors the field they are in.
 */
export function compileGrpcServices(scope: GrpcCompileScope): Map<string, CompiledGrpcService> {
  const services = new Map<string, CompiledGrpcService>();
  for (const node of scope.flow.nodes) {
    if (node.kind !== 'grpcService') continue;
    const c = node.config;
    let service;
    try {
      service = loadFlowProtoService(
        {
          flowDir: scope.flowDir,
          protoFile: c.protoFile || undefined,
          source: c.proto,
          sourceName: INLINE_PROTO,
          inlineImports: c.imports,
        },
        c.service,
      );
    } catch (err) {
      scope.at(node, protoField(err, c.imports, c.protoFile), (err as Error).message);
      continue;
    }
    const { behaviours, problems } = serviceBehaviours(c, service, (source) => {
      const template = compileTemplate(source);
      const sample = template.render(1, { request: {}, metadata: {}, requests: [] });
      try {
        JSON.parse(sample);
      } catch (err) {
        throw new Error(`does not render to valid JSON (${(err as Error).message})`);
      }
      return templateReply(template);
    });
    for (const p of problems) scope.at(node, p.field, p.message);
    services.set(node.id, { node, service, behaviours });
  }
  return services;
}

/**
 * A gRPC client node: the method its edge lands on (any of the four kinds) of a service in
 * the flow, or — when `address` is set — a service outside the flow described by its own
 * .proto, service and method, optionally over TLS.
 */
export function compileGrpcClient(
  node: FlowNode<'grpcClient'>,
  services: Map<string, CompiledGrpcService>,
  scope: GrpcCompileScope,
): CompiledGrpcClient | null {
  const c = node.config;
  const request = requestTemplate(node, scope);
  const metadata: Array<[string, CompiledTemplate]> = [];
  for (const [name, value] of Object.entries(c.metadata)) {
    const t = scope.template(node, `metadata.${name}`, value, false);
    if (t) metadata.push([name, t]);
  }
  if (c.address) {
    try {
      const ext = externalCall(c, scope.flowDir);
      if (!request) return null;
      return {
        node,
        request,
        metadata,
        target: { service: ext.service, method: ext.method, serviceNodeId: null, external: ext.target },
      };
    } catch (err) {
      const field = err instanceof ConfigFieldError ? err.field : 'address';
      const message = err instanceof ConfigFieldError ? err.message.replace(`${field}: `, '') : String(err);
      scope.at(node, field, message);
      return null;
    }
  }
  const edges = scope.flow.edges.filter((e) => e.source === node.id);
  if (edges.length === 0) {
    scope.at(node, '', 'is not connected to a gRPC service method (nor given an external address)');
    return null;
  }
  if (edges.length > 1) scope.at(node, '', 'calls one method; connect it to a single service method');
  const edge = edges[0];
  const svc = services.get(edge.target);
  if (!svc || !request) return null;
  const methods = svc.service.methods;
  const method = edge.targetHandle
    ? methods.find((m) => m.name === edge.targetHandle)
    : methods.length === 1
      ? methods[0]
      : undefined;
  if (!method) {
    scope.push({
      path: `edges[${scope.flow.edges.indexOf(edge)}].targetHandle`,
      edgeId: edge.id,
      nodeId: node.id,
      message: edge.targetHandle
        ? `method "${edge.targetHandle}" is not in ${svc.service.fullName}`
        : `choose a method of ${svc.service.fullName} (${methods.map((m) => m.name).join(', ')})`,
    });
    return null;
  }
  if (!svc.behaviours.has(method.name))
    scope.at(
      svc.node,
      'methods',
      `has no behaviour for ${method.name}, which "${c.name}" calls: add one (echo, template or fail)`,
    );
  return {
    node,
    request,
    metadata,
    target: { service: svc.service, method, serviceNodeId: svc.node.id, external: null },
  };
}

/**
 * The client's request template, checked to render JSON for the first call's first item
 * (`{{item}}` is the index of a streamed request, 0 on unary calls).
 */
function requestTemplate(node: FlowNode<'grpcClient'>, scope: GrpcCompileScope): CompiledTemplate | null {
  let template: CompiledTemplate;
  try {
    template = compileTemplate(node.config.request);
  } catch (err) {
    scope.at(node, 'request', (err as Error).message);
    return null;
  }
  try {
    JSON.parse(template.render(1, { item: 0 }));
  } catch (err) {
    scope.at(node, 'request', `does not render to valid JSON (${(err as Error).message})`);
    return null;
  }
  return template;
}

/** The field a .proto loading error belongs to: the imported file's entry, or the main source. */
function protoField(err: unknown, imports: Record<string, string>, protoFile: string): string {
  if (err instanceof ProtoError) {
    if (/service ".*" is not defined/.test(err.message)) return 'service';
    if (err.file && Object.hasOwn(imports, err.file)) return `imports.${err.file}`;
  }
  return protoFile ? 'protoFile' : 'proto';
}
