import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useMemo, type ReactElement } from 'react';
import { outlineProto, unaryMethods } from '@shared/flow/proto-outline';
import { hasOutputs } from './connection-rules';
import type { ServiceFlowNode } from './flow-types';
import { NodeShell } from './NodeShell';
import { nodeSummary, type SummarySource } from './node-summary';

/** gRPC services (one input per unary method of their .proto) and gRPC clients. */
export const ServiceNode = memo(function ServiceNode({
  id,
  type,
  data,
}: NodeProps<ServiceFlowNode>): ReactElement {
  const summary = nodeSummary({ type, data } as SummarySource);
  return (
    <NodeShell id={id} kind={type} config={data.config} summary={summary}>
      {'proto' in data.config && (
        <MethodHandles nodeId={id} proto={data.config.proto} service={data.config.service} />
      )}
      {hasOutputs(type) && <Handle type="source" position={Position.Right} className="fb-handle" />}
    </NodeShell>
  );
});

function MethodHandles({
  nodeId,
  proto,
  service,
}: {
  nodeId: string;
  proto: string;
  service: string;
}): ReactElement {
  const methods = useMemo(() => unaryMethods(outlineProto(proto), service), [proto, service]);
  const updateNodeInternals = useUpdateNodeInternals();
  const signature = methods.map((m) => m.name).join('|');
  // React Flow measures handles once; a .proto edit that adds or removes methods must re-measure.
  useEffect(() => updateNodeInternals(nodeId), [nodeId, signature, updateNodeInternals]);
  if (methods.length === 0) {
    return <div className="fb-node__invalid">⚠ No unary methods found in the .proto</div>;
  }
  return (
    <ul className="fb-node__methods" aria-label="Methods">
      {methods.map((m) => (
        <li key={m.name} className="fb-node__method">
          <Handle type="target" position={Position.Left} id={m.name} className="fb-handle" />
          <span className="fb-node__method-name">{m.name}</span>
          <span className="fb-node__method-types">
            {m.requestType} → {m.responseType}
          </span>
        </li>
      ))}
    </ul>
  );
}
