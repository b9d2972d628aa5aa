import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo, type ReactElement } from 'react';
import { methodKind, outlineProto, serviceMethods } from '@shared/flow/proto-outline';
import { hasOutputs } from './connection-rules';
import type { NodeOf } from './flow-types';
import { NodeShell } from './NodeShell';
import { nodeSummary, type SummarySource } from './node-summary';
import { useRemeasureHandles } from './useRemeasureHandles';
import './node-rows.css';

/**
 * gRPC services (one input per method of their .proto, plus one for the service as a
 * whole: gateways, sagas, policies, topics) and gRPC clients.
 */
export const ServiceNode = memo(function ServiceNode({
  id,
  type,
  data,
}: NodeProps<NodeOf<'grpcService' | 'grpcClient'>>): ReactElement {
  const summary = nodeSummary({ type, data } as SummarySource);
  // Clients have a `proto` too (for services outside the flow), but no inputs: ask the kind.
  const service = type === 'grpcService' ? (data.config as NodeOf<'grpcService'>['data']['config']) : null;
  return (
    <NodeShell id={id} kind={type} config={data.config} summary={summary}>
      {service && (
        <>
          {/* First in the DOM: an edge without a handle id attaches to it. */}
          <Handle
            type="target"
            position={Position.Left}
            className="fb-handle fb-handle--service"
            title="The service as a whole (gateway, saga, policy, topic)"
          />
          <MethodHandles nodeId={id} proto={service.proto} service={service.service} />
        </>
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
  const methods = useMemo(() => serviceMethods(outlineProto(proto), service), [proto, service]);
  // React Flow measures handles once; a .proto edit that adds or removes methods must re-measure.
  useRemeasureHandles(nodeId, methods.map((m) => `${m.name}:${methodKind(m)}`).join('|'));
  if (methods.length === 0) {
    return <div className="fb-node__invalid">⚠ No methods found in the .proto</div>;
  }
  return (
    <ul className="fb-node__methods" aria-label="Methods">
      {methods.map((m) => {
        const kind = methodKind(m);
        const unary = kind === 'unary';
        // Streaming rows have their own class, so the kind of call shows at a glance.
        return (
          <li
            key={m.name}
            className={unary ? 'fb-node__method' : 'fb-node__stream'}
            title={`${m.name}: ${kind}`}
          >
            <Handle type="target" position={Position.Left} id={m.name} className="fb-handle" />
            <span className="fb-node__method-name">{m.name}</span>
            <span className="fb-node__method-types">
              {m.clientStreaming ? 'stream ' : ''}
              {m.requestType} → {m.serverStreaming ? 'stream ' : ''}
              {m.responseType}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
