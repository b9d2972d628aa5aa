import { useReactFlow } from '@xyflow/react';
import { useMemo, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NODE_CATALOG } from '@shared/flow/node-catalog';
import type { NodeConfigByKind, NodeKind } from '@shared/flow/node-kinds';
import { validateNodeConfig } from '@shared/flow/parse';
import { outlineProto, serviceMethods } from '@shared/flow/proto-outline';
import { outlineSdl } from '@shared/flow/sdl-outline';
import { useFlowStore } from '../canvas/flow-store';
import { useNodeNames } from '../canvas/useNodeNames';
import { protoMessageTypes } from './contract-model';
import { errorFor, fieldsOf } from './field-model';
import { FieldRow } from './FieldRow';
import { EventStoreTimeline } from '../event-store/EventStoreTimeline';
import { NodeRunError } from './NodeRunError';
import { GatewayRouteMetrics } from './GatewayRouteMetrics';
import { RedriveAction } from '../run/RedriveAction';
import { NodeStateList } from './NodeStateList';
import { keepsState } from './node-state-view';
import { SagaInstances } from './SagaInstances';
import { sagaStepNames } from './saga-view';

/** Keys a map field offers when adding a row: a service's method or root field names. */
function suggestedKeys(kind: NodeKind, config: Record<string, unknown>): string[] {
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  if (kind === 'grpcService') {
    return serviceMethods(outlineProto(text(config.proto)), text(config.service)).map((m) => m.name);
  }
  if (kind === 'graphqlService') {
    const sdl = outlineSdl(text(config.schema));
    return [...sdl.query, ...sdl.mutation, ...sdl.subscription];
  }
  return [];
}

/**
 * The form of one node, generated from its kind's schema. Every edit goes to the node at
 * once, valid or not; errors from the schema show under their field.
 */
export function NodeForm({ id }: { id: string }): ReactElement | null {
  const node = useFlowStore(
    useShallow((s) => {
      const n = s.nodes.find((x) => x.id === id);
      return n
        ? { kind: n.type, config: n.data.config as Record<string, unknown>, parentId: n.parentId }
        : null;
    }),
  );
  const updateConfig = useFlowStore((s) => s.updateConfig);
  const names = useNodeNames();
  // The flow's .proto sources (gRPC nodes' own and imported files), for contract suggestions.
  const protos = useFlowStore(
    useShallow((s) =>
      s.nodes.flatMap((n) => {
        const c = n.data.config as { proto?: unknown; imports?: unknown };
        const own = typeof c.proto === 'string' && c.proto ? [c.proto] : [];
        const imported = c.imports && typeof c.imports === 'object' ? Object.values(c.imports) : [];
        return [...own, ...imported.filter((t): t is string => typeof t === 'string')];
      }),
    ),
  );
  const messageTypes = useMemo(() => protoMessageTypes(protos), [protos]);
  const { deleteElements } = useReactFlow();
  const errors = useMemo(() => {
    if (!node) return {};
    const res = validateNodeConfig(node.kind, node.config);
    return res.ok ? {} : res.errors;
  }, [node]);
  const keys = useMemo(() => (node ? suggestedKeys(node.kind, node.config) : []), [node]);
  const nodeNames = useMemo(
    () => Object.entries(names).flatMap(([nid, name]) => (nid === id ? [] : [name])),
    [names, id],
  );

  if (!node) return null;
  const info = NODE_CATALOG[node.kind];
  const set = (key: string, value: unknown): void =>
    updateConfig(id, { ...node.config, [key]: value } as NodeConfigByKind[typeof node.kind]);

  return (
    <div className="fb-inspector__form">
      <header className="fb-inspector__head">
        <span className="fb-inspector__icon" style={{ background: info.color }} aria-hidden="true">
          {info.icon}
        </span>
        <div>
          <div className="fb-inspector__kind">{info.label}</div>
          <div className="fb-inspector__desc">{info.description}</div>
          <div className="fb-inspector__id">id: {id}</div>
        </div>
      </header>
      <NodeRunError id={id} />
      <GatewayRouteMetrics id={id} />
      <RedriveAction id={id} />
      {keepsState(node.kind, node.config) && <NodeStateList stateId={node.parentId ?? id} />}
      {node.kind === 'sagaOrchestrator' && <SagaInstances id={id} steps={sagaStepNames(node.config)} />}
      {node.kind === 'eventStore' && <EventStoreTimeline id={id} />}
      {fieldsOf(node.kind).map((field) => (
        <FieldRow
          key={field.key}
          field={field}
          value={node.config[field.key]}
          error={errorFor(errors, field.key)}
          errors={errors}
          suggestedKeys={field.key === 'responses' || field.key === 'resolvers' ? keys : undefined}
          nodeNames={nodeNames}
          messageTypes={field.control === 'contract' ? messageTypes : undefined}
          onChange={(v) => set(field.key, v)}
        />
      ))}
      <div className="fb-inspector__footer">
        <button
          type="button"
          className="fb-btn fb-btn--danger-ghost"
          onClick={() => void deleteElements({ nodes: [{ id }] })}
        >
          Delete node
        </button>
      </div>
    </div>
  );
}
