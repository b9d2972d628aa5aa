import { useReactFlow } from '@xyflow/react';
import { useMemo, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NODE_CATALOG } from '@shared/flow/node-catalog';
import type { NodeConfigByKind } from '@shared/flow/node-kinds';
import { validateNodeConfig } from '@shared/flow/parse';
import { outlineProto, unaryMethods } from '@shared/flow/proto-outline';
import { useFlowStore } from '../canvas/flow-store';
import { errorFor, fieldsOf } from './field-model';
import { FieldRow } from './FieldRow';
import { NodeRunError } from './NodeRunError';

/**
 * The form of one node, generated from its kind's schema. Every edit goes to the node at
 * once, valid or not; errors from the schema show under their field.
 */
export function NodeForm({ id }: { id: string }): ReactElement | null {
  const node = useFlowStore(
    useShallow((s) => {
      const n = s.nodes.find((x) => x.id === id);
      return n ? { kind: n.type, config: n.data.config as Record<string, unknown> } : null;
    }),
  );
  const updateConfig = useFlowStore((s) => s.updateConfig);
  const { deleteElements } = useReactFlow();
  const errors = useMemo(() => {
    if (!node) return {};
    const res = validateNodeConfig(node.kind, node.config);
    return res.ok ? {} : res.errors;
  }, [node]);
  const methodNames = useMemo(() => {
    if (node?.kind !== 'grpcService') return [];
    const c = node.config as NodeConfigByKind['grpcService'];
    return unaryMethods(outlineProto(c.proto), c.service).map((m) => m.name);
  }, [node]);

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
      {fieldsOf(node.kind).map((field) => (
        <FieldRow
          key={field.key}
          field={field}
          value={node.config[field.key]}
          error={errorFor(errors, field.key)}
          suggestedKeys={field.key === 'responses' ? methodNames : undefined}
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
