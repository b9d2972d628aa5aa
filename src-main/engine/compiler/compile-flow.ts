import type { FlowNode, FlowProblem } from '@shared/flow/document';
import { rabbitTopology } from './rabbit-topology';
import { parseFlowValue } from '@shared/flow/parse';
import { compileTemplate, type CompiledTemplate } from '../template/payload-template';
import type {
  CompiledConsumer,
  CompiledFlow,
  CompiledGrpcClient,
  CompiledProducer,
  CompiledRestClient,
  CompiledRestService,
  CompiledTimer,
  MessagingEndpoint,
} from './compiled-flow';
import { compilePredicate } from '@shared/flow/expressions/predicate';
import { behaviourProblems } from '../behaviour/check-behaviours';
import { compileFlowContracts } from '../contracts/flow-contracts';
import { parseCron } from '../runtime/cron-schedule';
import { unsupportedProblems } from './runtime-support';
import { compileGrpcClient, compileGrpcServices, type GrpcCompileScope } from './compile-grpc';
import { eventSourcingProblems } from './compile-event-sourcing';

export interface CompileOptions {
  /** The flow file's folder, when the host vouches for it (gRPC .proto and TLS files are read there). */
  flowDir?: string | null;
}
import { compileGraphql } from './compile-graphql';
import { checkMeshPolicies, compileGateways } from './compile-gateway';
import { compileRestResources } from './compile-rest-resources';
import { compileSagas } from './compile-saga';

export type CompileResult = { ok: true; compiled: CompiledFlow } | { ok: false; problems: FlowProblem[] };

/**
 * Checks a flow document end to end before anything connects: the file format, every
 * node's config, edges, templates (rendered once), .proto sources and method bindings.
 * Every problem names its JSON path and node.
 */
export function compileFlow(raw: unknown, options: CompileOptions = {}): CompileResult {
  const parsed = parseFlowValue(raw);
  if (!parsed.ok) return parsed;
  const flow = parsed.flow;
  const problems: FlowProblem[] = unsupportedProblems(flow);
  const indexOf = new Map(flow.nodes.map((n, i) => [n.id, i]));
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const at = (node: FlowNode, field: string, message: string): void => {
    problems.push({
      path: `nodes[${indexOf.get(node.id)}]${field ? `.config.${field}` : ''}`,
      nodeId: node.id,
      field: field || undefined,
      message,
    });
  };
  const template = (
    node: FlowNode,
    field: string,
    source: string,
    json: boolean,
  ): CompiledTemplate | null => {
    try {
      const t = compileTemplate(source);
      if (json) {
        const sample = t.render(1, { request: {} });
        try {
          JSON.parse(sample);
        } catch (err) {
          at(node, field, `does not render to valid JSON (${(err as Error).message})`);
          return null;
        }
      }
      return t;
    } catch (err) {
      at(node, field, (err as Error).message);
      return null;
    }
  };

  const outgoing = (id: string): FlowNode[] =>
    flow.edges.filter((e) => e.source === id).map((e) => byId.get(e.target) as FlowNode);
  const incoming = (id: string): FlowNode[] =>
    flow.edges.filter((e) => e.target === id).map((e) => byId.get(e.source) as FlowNode);
  const endpoint = (n: FlowNode): MessagingEndpoint | null =>
    n.kind === 'kafkaTopic'
      ? { kind: 'topic', node: n }
      : n.kind === 'rabbitQueue'
        ? { kind: 'queue', node: n }
        : null;

  const readModelOf = (serviceId: string, readModel: string): FlowNode | undefined =>
    incoming(serviceId).find((n) => n.kind === 'projection' && n.config.readModel === readModel);

  const grpc: GrpcCompileScope = {
    flow,
    flowDir: options.flowDir ?? null,
    at,
    push: (p) => problems.push(p),
    template,
  };
  const services = compileGrpcServices(grpc);

  const producers: CompiledProducer[] = [];
  const consumers: CompiledConsumer[] = [];
  const clients: CompiledGrpcClient[] = [];
  const timers: CompiledTimer[] = [];
  const restServices: CompiledRestService[] = [];
  const restClients: CompiledRestClient[] = [];
  const headerTemplates = (
    node: FlowNode,
    field: string,
    map: Record<string, string>,
  ): Array<[string, CompiledTemplate]> => {
    const out: Array<[string, CompiledTemplate]> = [];
    for (const [name, value] of Object.entries(map)) {
      const t = template(node, `${field}.${name}`, value, false);
      if (t) out.push([name, t]);
    }
    return out;
  };
  for (const node of flow.nodes) {
    if (node.kind === 'producer') {
      const targets = outgoing(node.id)
        .map(endpoint)
        .filter((e): e is MessagingEndpoint => e !== null);
      // A target this runtime does not run yet (an exchange) has its own problem.
      if (outgoing(node.id).length === 0) at(node, '', 'is not connected to a topic or queue');
      const payload = template(node, 'payload', node.config.payload, true);
      const key = node.config.key ? template(node, 'key', node.config.key, false) : null;
      const headers: Array<[string, CompiledTemplate]> = [];
      for (const [name, value] of Object.entries(node.config.headers)) {
        const t = template(node, `headers.${name}`, value, false);
        if (t) headers.push([name, t]);
      }
      if (payload) producers.push({ node, payload, key, headers, targets });
    } else if (node.kind === 'consumer') {
      const sources = incoming(node.id)
        .map(endpoint)
        .filter((e): e is MessagingEndpoint => e !== null);
      if (incoming(node.id).length === 0) at(node, '', 'is not connected to a topic or queue to read from');
      consumers.push({ node, sources });
    } else if (node.kind === 'grpcClient') {
      const compiled = compileGrpcClient(node, services, grpc);
      if (compiled) clients.push(compiled);
    } else if (node.kind === 'timer') {
      if (outgoing(node.id).length === 0) at(node, '', 'is not connected to anything to send its ticks to');
      if (node.config.schedule === 'cron') {
        try {
          parseCron(node.config.cron);
        } catch (err) {
          at(node, 'cron', (err as Error).message);
        }
      }
      const payload = template(node, 'payload', node.config.payload, true);
      if (payload) timers.push({ node, payload });
    } else if (node.kind === 'router' || node.kind === 'filter') {
      const predicates =
        node.kind === 'router'
          ? node.config.routes.map((r, i) => [`routes[${i}].when`, r.when] as const)
          : [['when', node.config.when] as const];
      for (const [field, source] of predicates) {
        try {
          compilePredicate(source);
        } catch (err) {
          at(node, field, (err as Error).message);
        }
      }
      for (const p of behaviourProblems(node.id, node.config.behaviours ?? [])) at(node, p.field, p.message);
    } else if (node.kind === 'restService') {
      const routes = node.config.routes.flatMap((route, i) => {
        const response = template(node, `routes[${i}].response`, route.response, false);
        const headers = headerTemplates(node, `routes[${i}].headers`, route.headers);
        if (
          route.appendTo &&
          !outgoing(node.id).some((n) => n.kind === 'eventStore' && n.config.name === route.appendTo)
        )
          at(node, `routes[${i}].appendTo`, 'names no event store this service is connected to');
        if (route.readModel) {
          const key = template(
            node,
            `routes[${i}].readModelKey`,
            route.readModelKey ?? '{{params.id}}',
            false,
          );
          if (!readModelOf(node.id, route.readModel))
            at(
              node,
              `routes[${i}].readModel`,
              `names no read model of a projection connected to this service`,
            );
          return response && key ? [{ route, response, headers, readModelKey: key }] : [];
        }
        return response ? [{ route, response, headers }] : [];
      });
      restServices.push({ node, routes, resources: compileRestResources(node, at) });
    } else if (node.kind === 'eventStore' || node.kind === 'projection') {
      for (const p of eventSourcingProblems(node, flow)) at(node, p.field, p.message);
    } else if (node.kind === 'restClient') {
      const targets = outgoing(node.id).filter((t) => t.kind === 'restService' || t.kind === 'apiGateway');
      const absolute = /^https?:\/\//.test(node.config.path);
      if (!absolute && targets.length === 0)
        at(node, 'path', 'is a path: connect the client to a REST service, or give a full http(s):// URL');
      if (targets.length > 1) at(node, '', 'calls one service; connect it to a single REST service');
      const path = template(node, 'path', node.config.path, false);
      const body = node.config.body ? template(node, 'body', node.config.body, false) : null;
      const headers = headerTemplates(node, 'headers', node.config.headers);
      if (path)
        restClients.push({ node, path, body, headers, targetId: absolute ? null : (targets[0]?.id ?? null) });
    }
  }

  for (const node of flow.nodes) {
    if (node.kind !== 'restService' && node.kind !== 'grpcService' && node.kind !== 'graphqlService')
      continue;
    for (const p of behaviourProblems(node.id, node.config.behaviours ?? [])) at(node, p.field, p.message);
  }
  const contracts = compileFlowContracts(flow);
  problems.push(...contracts.problems);
  for (const p of producers) {
    if (p.node.config.fromContract && !p.targets.some((t) => contracts.byNode.has(t.node.id)))
      at(p.node, 'fromContract', 'needs a connected topic or queue that declares a message contract');
  }
  const graphql = compileGraphql(flow, at, services);
  const apiGateways = compileGateways(flow, at, services);
  checkMeshPolicies(flow, at);
  const sagas = compileSagas(flow, services, at);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    compiled: {
      flow,
      topics: flow.nodes.filter((n): n is FlowNode<'kafkaTopic'> => n.kind === 'kafkaTopic'),
      queues: flow.nodes.filter((n): n is FlowNode<'rabbitQueue'> => n.kind === 'rabbitQueue'),
      producers,
      consumers,
      grpcServices: [...services.values()],
      grpcClients: clients,
      timers,
      restServices,
      restClients,
      contracts: contracts.byNode,
      ...graphql,
      apiGateways,
      sagas,
      names: new Map(flow.nodes.map((n) => [n.id, n.config.name])),
      rabbit: rabbitTopology(flow),
    },
  };
}
