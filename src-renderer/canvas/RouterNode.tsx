import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, type ReactElement } from 'react';
import { ROUTER_ELSE } from '@shared/flow/node-kinds';
import type { NodeOf } from './flow-types';
import { NodeShell } from './NodeShell';
import { nodeSummary } from './node-summary';
import { useRemeasureHandles } from './useRemeasureHandles';
import './node-rows.css';

/** A router: one input, and one output per route (named, so edges say where they leave) plus "else". */
export const RouterNode = memo(function RouterNode({
  id,
  type,
  data,
}: NodeProps<NodeOf<'router'>>): ReactElement {
  const routes = Array.isArray(data.config.routes) ? data.config.routes : [];
  const outputs = [
    ...routes.map((r) => ({ name: r.output, when: r.when })),
    { name: ROUTER_ELSE, when: 'no route matched' },
  ];
  // Outputs come and go with the routes: React Flow must re-measure the handles.
  useRemeasureHandles(id, outputs.map((o) => o.name).join('|'));
  return (
    <NodeShell id={id} kind={type} config={data.config} summary={nodeSummary({ type, data })}>
      <Handle type="target" position={Position.Left} className="fb-handle" />
      <ul className="fb-node__outputs" aria-label="Outputs">
        {outputs.map((o, i) => (
          <li key={`${i}-${o.name}`} className="fb-node__output" title={o.when}>
            <span className="fb-node__output-name">{o.name || '?'}</span>
            <span className="fb-node__output-when">{o.when}</span>
            {o.name && <Handle type="source" position={Position.Right} id={o.name} className="fb-handle" />}
          </li>
        ))}
      </ul>
    </NodeShell>
  );
});
