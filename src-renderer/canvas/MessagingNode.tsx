import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, type ReactElement } from 'react';
import { hasInputs, hasOutputs } from './connection-rules';
import type { MessagingFlowNode } from './flow-types';
import { NodeShell } from './NodeShell';
import { nodeSummary, type SummarySource } from './node-summary';

/** Producers, consumers, topics and queues: one input on the left, one output on the right. */
export const MessagingNode = memo(function MessagingNode({
  id,
  type,
  data,
}: NodeProps<MessagingFlowNode>): ReactElement {
  return (
    <NodeShell
      id={id}
      kind={type}
      config={data.config}
      summary={nodeSummary({ type, data } as SummarySource)}
    >
      {hasInputs(type) && <Handle type="target" position={Position.Left} className="fb-handle" />}
      {hasOutputs(type) && <Handle type="source" position={Position.Right} className="fb-handle" />}
    </NodeShell>
  );
});
