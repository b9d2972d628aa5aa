import { getOperationAST, parse, validate } from 'graphql';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import type { FlowDocument, FlowNode } from '@shared/flow/document';
import { parsePath, type MessagePath } from '@shared/flow/expressions/json-path';
import type { GraphqlBinding } from '@shared/flow/kinds/services';
import { compileTemplate, type CompiledTemplate } from '../template/payload-template';
import { findField } from '../transports/graphql/bind-resolvers';
import type { LoadedService } from '../transports/grpc/load-proto';
import { buildServiceSchema } from '../transports/graphql/service-schema';
import type {
  CompiledGraphqlBinding,
  CompiledGraphqlClient,
  CompiledGraphqlService,
} from './compiled-graphql';

/** Records a problem on a node's config field (`''` for the node itself). */
export type ReportProblem = (node: FlowNode, field: string, message: string) => void;

const CHANNEL_KINDS = ['kafkaTopic', 'rabbitQueue', 'rabbitExchange'];
const ROOT_OF = { publish: ['Mutation'], subscribe: ['Subscription'], call: ['Query', 'Mutation'] };

/**
 * Checks the GraphQL nodes of a flow: each service's SDL (problems with their line), its result
 * templates and bindings (the field exists on the right root type, the named node exists and
 * is connected the right way), and each client's operation against its service's schema.
 */
export function compileGraphql(
  flow: FlowDocument,
  report: ReportProblem,
  /** The flow's compiled gRPC services by node id (a field may call one of their methods). */
  grpcServices: ReadonlyMap<string, { service: LoadedService }> = new Map(),
): { graphqlServices: CompiledGraphqlService[]; graphqlClients: CompiledGraphqlClient[] } {
  const schemas = new Map<string, GraphQLSchema>();
  const graphqlServices: CompiledGraphqlService[] = [];
  for (const node of flow.nodes) {
    if (node.kind !== 'graphqlService') continue;
    let schema: GraphQLSchema;
    try {
      schema = buildServiceSchema(node.config.schema, node.config.name);
    } catch (err) {
      report(node, 'schema', (err as Error).message);
      continue;
    }
    schemas.set(node.id, schema);
    const templates = new Map<string, CompiledTemplate>();
    for (const [key, source] of Object.entries(node.config.resolvers)) {
      const where = `resolvers.${key}`;
      const field = rootField(schema, key, node, where, report);
      const template = field ? compiled(source, node, where, report) : null;
      if (field && template) templates.set(field, template);
    }
    const bindings = compileBindings(flow, node, schema, report, grpcServices);
    graphqlServices.push({ node, templates, bindings });
  }
  const graphqlClients: CompiledGraphqlClient[] = [];
  for (const node of flow.nodes) {
    if (node.kind !== 'graphqlClient') continue;
    const client = compileClient(flow, node, schemas, report);
    if (client) graphqlClients.push(client);
  }
  return { graphqlServices, graphqlClients };
}

function compileBindings(
  flow: FlowDocument,
  node: FlowNode<'graphqlService'>,
  schema: GraphQLSchema,
  report: ReportProblem,
  grpcServices: ReadonlyMap<string, { service: LoadedService }>,
): CompiledGraphqlBinding[] {
  const out: CompiledGraphqlBinding[] = [];
  const seen = new Set<string>();
  const name = node.config.name;
  node.config.bindings.forEach((b: GraphqlBinding, i) => {
    const at = `bindings[${i}]`;
    // A call may also resolve a field of an object type (User.orders), reading {{parent.…}}.
    const field = rootField(schema, b.field, node, `${at}.field`, report, b.action !== 'call');
    if (!field) return;
    if (seen.has(field))
      report(node, `${at}.field`, `binds ${field} a second time; keep one binding per field`);
    seen.add(field);
    const root = field.slice(0, field.indexOf('.'));
    const onRoot = ['Query', 'Mutation', 'Subscription'].includes(root);
    if ((onRoot || b.action !== 'call') && !ROOT_OF[b.action].includes(root)) {
      const want = ROOT_OF[b.action].join(' or ');
      report(node, `${at}.field`, `is a ${root} field; "${b.action}" binds a ${want} field`);
      return;
    }
    const other = flow.nodes.find((n) => n.config.name === b.node);
    if (!other) {
      report(node, `${at}.node`, `names no node of the flow ("${b.node}")`);
      return;
    }
    const edgeOut = flow.edges.find((e) => e.source === node.id && e.target === other.id);
    const edgeIn = flow.edges.find((e) => e.source === other.id && e.target === node.id);
    if (b.action === 'publish') {
      if (!CHANNEL_KINDS.includes(other.kind))
        return report(node, `${at}.node`, `"${b.node}" is not a topic, queue or exchange to publish to`);
      if (!edgeOut)
        return report(node, `${at}.node`, `"${b.node}" is not connected: draw an edge from "${name}" to it`);
      const body = b.body ? compiled(b.body, node, `${at}.body`, report) : null;
      const key = b.key ? compiled(b.key, node, `${at}.key`, report) : null;
      out.push({ kind: 'publish', field, targetId: other.id, edgeId: edgeOut.id, body, key });
    } else if (b.action === 'subscribe') {
      if (other.kind !== 'kafkaTopic' && other.kind !== 'rabbitQueue')
        return report(node, `${at}.node`, `"${b.node}" is not a topic or queue to read from`);
      if (!edgeIn)
        return report(node, `${at}.node`, `"${b.node}" is not connected: draw an edge from it to "${name}"`);
      out.push({ kind: 'subscribe', field, sourceId: other.id });
    } else {
      if (other.kind !== 'restService' && other.kind !== 'grpcService')
        return report(node, `${at}.node`, `"${b.node}" is not a REST or gRPC service to call`);
      if (!edgeOut)
        return report(node, `${at}.node`, `"${b.node}" is not connected: draw an edge from "${name}" to it`);
      const select = b.select ? selectPath(b.select, node, `${at}.select`, report) : undefined;
      if (select === null) return;
      if (other.kind === 'grpcService') {
        const grpc = grpcCall(grpcServices.get(other.id)?.service, b, node, at, report);
        if (grpc)
          out.push({ kind: 'grpc', field, targetId: other.id, ...grpc, timeoutMs: b.timeoutMs, select });
        return;
      }
      if (!b.path.startsWith('/'))
        return report(node, `${at}.path`, 'must be a path on the REST service, e.g. /orders/{{args.id}}');
      const path = compiled(b.path, node, `${at}.path`, report);
      const body = b.body ? compiled(b.body, node, `${at}.body`, report) : null;
      if (path)
        out.push({
          kind: 'call',
          field,
          targetId: other.id,
          method: b.method,
          path,
          body,
          timeoutMs: b.timeoutMs,
          select,
        });
    }
  });
  // A channel read by the service with no subscription field bound to it would be drained unseen.
  for (const edge of flow.edges) {
    const source = flow.nodes.find((n) => n.id === edge.source);
    if (edge.target !== node.id || !source || !CHANNEL_KINDS.includes(source.kind)) continue;
    if (!node.config.bindings.some((b) => b.action === 'subscribe' && b.node === source.config.name))
      report(
        node,
        'bindings',
        `reads "${source.config.name}" but no subscription field is bound to it: add a "subscribe" binding naming it`,
      );
  }
  return out;
}

/** The unary method a call binding names on a gRPC service node. */
function grpcCall(
  service: LoadedService | undefined,
  b: GraphqlBinding,
  node: FlowNode<'graphqlService'>,
  at: string,
  report: ReportProblem,
): { service: LoadedService; rpc: string; request: CompiledTemplate | null } | null {
  // A service whose .proto did not load has its own problem; the flow does not run either way.
  if (!service) return null;
  const method = service.methods.find((m) => m.name === b.rpc);
  if (!method) {
    const names = service.methods.map((m) => m.name).join(', ');
    report(node, `${at}.rpc`, `names no method of ${service.fullName} ("${b.rpc}"; it has ${names})`);
    return null;
  }
  if (method.requestStream || method.responseStream) {
    report(node, `${at}.rpc`, `${method.name} is a streaming method; a field calls a unary one`);
    return null;
  }
  const request = b.body ? compiled(b.body, node, `${at}.body`, report) : null;
  return { service, rpc: method.name, request };
}

function compileClient(
  flow: FlowDocument,
  node: FlowNode<'graphqlClient'>,
  schemas: Map<string, GraphQLSchema>,
  report: ReportProblem,
): CompiledGraphqlClient | null {
  const targets = flow.edges
    .filter((e) => e.source === node.id)
    .map((e) => flow.nodes.find((n) => n.id === e.target))
    .filter((n): n is FlowNode => n?.kind === 'graphqlService');
  if (targets.length === 0) report(node, '', 'is not connected to a GraphQL service');
  if (targets.length > 1) report(node, '', 'calls one service; connect it to a single GraphQL service');
  const variables = compiled(node.config.variables || '{}', node, 'variables', report);
  if (variables) {
    const sample = variables.render(1);
    let value: unknown;
    try {
      value = JSON.parse(sample);
    } catch (err) {
      report(node, 'variables', `does not render to valid JSON (${(err as Error).message})`);
    }
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value)))
      report(node, 'variables', 'must render to a JSON object, e.g. {"id": "{{seq}}"}');
  }
  let document;
  try {
    document = parse(node.config.query);
  } catch (err) {
    report(node, 'query', located(err as GraphQLError));
    return null;
  }
  const operation = getOperationAST(document);
  if (!operation) {
    report(node, 'query', 'holds several operations; keep the one the client sends');
    return null;
  }
  if (operation.operation === 'subscription') {
    report(node, 'query', 'is a subscription; a client node sends queries and mutations at a rate');
    return null;
  }
  const target = targets[0];
  const schema = target ? schemas.get(target.id) : undefined;
  if (schema) {
    const errors = validate(schema, document);
    for (const e of errors) report(node, 'query', `${located(e)} (against "${target?.config.name}")`);
    if (errors.length > 0) return null;
  }
  if (!target || !variables) return null;
  return {
    node,
    variables,
    targetId: target.id,
    operationType: operation.operation,
    operationName: operation.name?.value ?? null,
  };
}

/** A call binding's `select`: a payload path ($.items); null (reported) when it is not one. */
function selectPath(
  text: string,
  node: FlowNode<'graphqlService'>,
  where: string,
  report: ReportProblem,
): MessagePath | null {
  try {
    const path = parsePath(text);
    if (path.root === 'payload') return path;
    report(node, where, `must read the reply ($.name), not ${path.root}`);
  } catch (err) {
    report(node, where, (err as Error).message);
  }
  return null;
}

/**
 * `Type.field` for a key of the node's config, or null (reported) when it names no root field
 * (no field of any object type when `rootsOnly` is false).
 */
function rootField(
  schema: GraphQLSchema,
  key: string,
  node: FlowNode<'graphqlService'>,
  where: string,
  report: ReportProblem,
  rootsOnly = true,
): string | null {
  try {
    const { type, field } = findField(schema, key, node.config.name, rootsOnly);
    return `${type.name}.${field.name}`;
  } catch (err) {
    report(node, where, (err as Error).message);
    return null;
  }
}

function compiled(
  source: string,
  node: FlowNode,
  where: string,
  report: ReportProblem,
): CompiledTemplate | null {
  try {
    return compileTemplate(source);
  } catch (err) {
    report(node, where, (err as Error).message);
    return null;
  }
}

/** A GraphQL error as `line L, column C: message`. */
function located(err: GraphQLError): string {
  const at = err.locations?.[0];
  return at ? `line ${at.line}, column ${at.column}: ${err.message}` : err.message;
}
