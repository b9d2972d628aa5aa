import { useReactFlow } from '@xyflow/react';
import { useMemo, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { edgeConfigSchema, type EdgeConfig } from '@shared/flow/edge-config';
import { useFlowStore } from '../canvas/flow-store';
import { BindingFields } from './BindingFields';
import { edgeConfigErrors, edgeSettings } from './edge-form';
import { describeField } from './field-model';
import { TypedListField } from './TypedListField';
import './compound-fields.css';

/** The faults form of every edge, from the edge config schema. */
const FAULTS_FIELD = describeField('faults', edgeConfigSchema.shape.faults);

/**
 * What a selected connection joins, its settings (the binding of an exchange edge, the
 * mesh policy of a call), and a way to remove it.
 */
export function EdgeDetails({ id }: { id: string }): ReactElement | null {
  const edge = useFlowStore(
    useShallow((s) => {
      const e = s.edges.find((x) => x.id === id);
      if (!e) return null;
      const source = s.nodes.find((n) => n.id === e.source);
      const target = s.nodes.find((n) => n.id === e.target);
      if (!source || !target) return null;
      return {
        source: source.data.config.name,
        target: target.data.config.name,
        output: e.sourceHandle ?? null,
        method: e.targetHandle ?? null,
        config: e.data?.config,
        sourceKind: source.type,
        targetKind: target.type,
        // A primitive, so the selector's result stays shallow-equal between renders.
        exchangeType: source.type === 'rabbitExchange' ? source.data.config.type : '',
      };
    }),
  );
  const policies = useFlowStore(
    useShallow((s) => s.nodes.filter((n) => n.type === 'meshPolicy').map((n) => n.data.config.name)),
  );
  const errors = useMemo(() => edgeConfigErrors(edge?.config), [edge?.config]);
  const { deleteElements } = useReactFlow();
  if (!edge) return null;
  const config = edge.config ?? {};
  const settings = edgeSettings(
    { kind: edge.sourceKind, config: { type: edge.exchangeType } },
    { kind: edge.targetKind },
  );
  const setConfig = (next: EdgeConfig): void => {
    const s = useFlowStore.getState();
    s.commit(
      { edges: s.edges.map((e) => (e.id === id ? { ...e, data: { ...e.data, config: next } } : e)) },
      // Typing a key is one undo step per pause, as in the node form.
      { mode: 'burst', key: `edge:${id}` },
    );
  };
  return (
    <div className="fb-inspector__form">
      <div className="fb-inspector__kind">Connection</div>
      <p className="fb-inspector__edge">
        <strong>{edge.source}</strong> → <strong>{edge.target}</strong>
        {edge.output && <> (from output {edge.output})</>}
        {edge.method && <> (method {edge.method})</>}
      </p>
      {settings.kind === 'binding' && (
        <section className="fb-inspector__section" aria-label="Binding">
          <h3 className="fb-inspector__section-title">Binding ({settings.exchangeType} exchange)</h3>
          <BindingFields
            exchangeType={settings.exchangeType}
            config={config}
            errors={errors}
            onChange={setConfig}
          />
        </section>
      )}
      {settings.kind === 'policy' && (
        <div className="fb-field">
          <label className="fb-field__label" htmlFor={`${id}-policy`}>
            Mesh policy
          </label>
          <select
            id={`${id}-policy`}
            className="fb-input"
            value={config.policy ?? ''}
            onChange={(e) => setConfig({ ...config, policy: e.target.value || undefined })}
          >
            <option value="">None</option>
            {[...new Set([...policies, ...(config.policy ? [config.policy] : [])])].map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
          <p className="fb-field__hint">
            Retries, timeout and circuit breaking for calls along this connection. To govern every call into a
            service, connect the policy node to the service instead.
          </p>
        </div>
      )}
      {FAULTS_FIELD && (
        <TypedListField
          field={FAULTS_FIELD}
          path="faults"
          value={config.faults}
          errors={errors}
          onChange={(faults) => setConfig({ ...config, faults: faults as EdgeConfig['faults'] })}
        />
      )}
      <div className="fb-inspector__footer">
        <button
          type="button"
          className="fb-btn fb-btn--danger-ghost"
          onClick={() => void deleteElements({ edges: [{ id }] })}
        >
          Delete connection
        </button>
      </div>
    </div>
  );
}
