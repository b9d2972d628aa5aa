import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, type ReactElement } from 'react';
import { FaultBadge } from '../faults/FaultBadge';
import { EdgeMeshBadge } from './EdgeMeshBadge';
import { EdgeLabelPortal } from './EdgeLabelPortal';
import { edgeLabel } from './edge-label';
import type { FlowbenchEdge } from './flow-types';
import './edges.css';

/**
 * Every connection: React Flow's bezier, with a label for its settings (routing key,
 * pattern, header match, method, router output, policy). It reads only its own props,
 * so dragging a node re-renders just the edges attached to it.
 */
export const LabeledEdge = memo(function LabeledEdge(props: EdgeProps<FlowbenchEdge>): ReactElement {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const label = edgeLabel(data?.config, props.sourceHandleId, props.targetHandleId);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={props.markerEnd}
        style={props.style}
        interactionWidth={props.interactionWidth}
      />
      <EdgeMeshBadge id={id} x={labelX} y={labelY} />
      {data?.config?.faults && (
        <EdgeLabelPortal>
          <div
            className="fb-edge-faults nodrag nopan"
            data-edge-id={id}
            // Below the label (or the middle of the curve) so both stay readable.
            style={{
              transform: `translate(-50%, ${label ? '60%' : '-50%'}) translate(${labelX}px, ${labelY}px)`,
            }}
          >
            <FaultBadge faults={data.config.faults} />
          </div>
        </EdgeLabelPortal>
      )}
      {label && (
        <EdgeLabelPortal>
          <div
            className={`fb-edge-label nodrag nopan${props.selected ? ' fb-edge-label--selected' : ''}`}
            data-testid="edge-label"
            data-edge-id={id}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {label}
          </div>
        </EdgeLabelPortal>
      )}
    </>
  );
});

/** Edge components by type; every edge is `default`, drawn with a label. Module scope, never re-created. */
export const edgeTypes = { default: LabeledEdge };
