import { HTTP_METHODS } from '@shared/flow/kinds/common';
import type { FlowDocument, FlowNode } from '@shared/flow/document';
import type { SagaStep } from '@shared/flow/kinds/patterns';
import { compileTemplate, type CompiledTemplate } from '../template/payload-template';
import type { LoadedService } from '../transports/grpc/load-proto';
import type { CompiledGrpcService } from './compiled-flow';

/** One call a saga step makes: a REST route or a unary gRPC method of a service node of the flow. */
export type CompiledSagaCall =
  | {
      protocol: 'http';
      targetId: string;
      method: string;
      /** The path, a template over `{{saga.id}}` and `{{input.field}}`. */
      path: CompiledTemplate;
      /** `inventory POST /reservations/{{saga.id}}`, for traces and the UI. */
      label: string;
    }
  | { protocol: 'grpc'; targetId: string; service: LoadedService; method: string; label: string };

export interface CompiledSagaStep {
  name: string;
  action: CompiledSagaCall;
  /** Null when the step has nothing to undo. */
  compensation: CompiledSagaCall | null;
}

export interface CompiledSaga {
  node: FlowNode<'sagaOrchestrator'>;
  steps: CompiledSagaStep[];
}

type At = (node: FlowNode, field: string, message: string) => void;

/**
 * Resolves every saga orchestrator's steps against the services it is connected to: a step
 * on a REST service names `METHOD /path`, one on a gRPC service a unary method of it. Each
 * problem names the step's field; a saga with a problem is left out.
 */
export function compileSagas(
  flow: FlowDocument,
  grpcServices: Map<string, CompiledGrpcService>,
  at: At,
): CompiledSaga[] {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const sagas: CompiledSaga[] = [];
  for (const node of flow.nodes) {
    if (node.kind !== 'sagaOrchestrator') continue;
    const connected = flow.edges
      .filter((e) => e.source === node.id)
      .map((e) => byId.get(e.target))
      .filter((n): n is FlowNode => n !== undefined);
    if (node.config.steps.length === 0) at(node, 'steps', 'needs at least one step');
    let ok = node.config.steps.length > 0;
    const steps = node.config.steps.map((step, i) => {
      const field = `steps[${i}]`;
      const target = connected.find((n) => n.config.name === step.target || n.id === step.target);
      if (!target || (target.kind !== 'restService' && target.kind !== 'grpcService')) {
        at(node, `${field}.target`, `must name a REST or gRPC service the saga is connected to`);
        ok = false;
        return null;
      }
      const action = sagaCall(target, step.action, `${field}.action`, node, grpcServices, at);
      const compensation = step.compensation.trim()
        ? sagaCall(target, step.compensation, `${field}.compensation`, node, grpcServices, at)
        : null;
      if (!action || (step.compensation.trim() && !compensation)) ok = false;
      return action ? { name: step.name, action, compensation } : null;
    });
    if (ok) sagas.push({ node, steps: steps.filter((s): s is CompiledSagaStep => s !== null) });
  }
  return sagas;
}

const METHODS: readonly string[] = HTTP_METHODS;

function sagaCall(
  target: FlowNode,
  text: SagaStep['action'],
  field: string,
  saga: FlowNode,
  grpcServices: Map<string, CompiledGrpcService>,
  at: At,
): CompiledSagaCall | null {
  const name = target.config.name;
  if (target.kind === 'restService') {
    const m = /^([A-Za-z]+)\s+(\/\S*)$/.exec(text.trim());
    if (!m || !METHODS.includes(m[1].toUpperCase())) {
      at(saga, field, `must be an HTTP method and a path on "${name}", e.g. POST /reservations`);
      return null;
    }
    try {
      const path = compileTemplate(m[2]);
      return {
        protocol: 'http',
        targetId: target.id,
        method: m[1].toUpperCase(),
        path,
        label: `${name} ${m[1].toUpperCase()} ${m[2]}`,
      };
    } catch (err) {
      at(saga, field, (err as Error).message);
      return null;
    }
  }
  const service = grpcServices.get(target.id)?.service;
  // A service whose .proto does not load has its own problem.
  if (!service) return null;
  const wanted = text.trim().split('/').pop() ?? '';
  const method = service.methods.find((x) => x.name === wanted);
  if (!method) {
    const names = service.methods.map((x) => x.name).join(', ');
    at(saga, field, `must be a method of ${service.fullName} (it has ${names})`);
    return null;
  }
  if (method.requestStream || method.responseStream) {
    at(saga, field, `${method.name} streams; a saga step calls unary methods`);
    return null;
  }
  return {
    protocol: 'grpc',
    targetId: target.id,
    service,
    method: method.name,
    label: `${name} ${method.name}`,
  };
}
