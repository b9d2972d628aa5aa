import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, type ReactElement } from 'react';
import { hasInputs, hasOutputs } from './connection-rules';
import type { FlowbenchNode } from './flow-types';
import { NodeShell } from './NodeShell';
import { nodeSummary, type SummarySource } from './node-summary';

/**
 * Most kinds: the shared frame with one input on the left and one output on the right,
 * each drawn only when the connection rules give the kind one.
 */
export const StandardNode = memo(function StandardNode({
  id,
  type,
  data,
}: NodeProps<FlowbenchNode>): ReactElement {
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
