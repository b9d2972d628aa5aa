import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo, type CSSProperties, type ReactElement } from 'react';
import { NODE_CATALOG } from '@shared/flow/node-catalog';
import type { NodeOf } from './flow-types';
import './group-note.css';

const MIN = { width: 120, height: 80 };

/**
 * A bounded context: a named, resizable box. Nodes dropped inside become its members
 * (`parentId`), so they move with it; dragging one out makes it free again.
 */
export const GroupNode = memo(function GroupNode({
  data,
  selected,
}: NodeProps<NodeOf<'group'>>): ReactElement {
  const style = { '--fb-node-color': NODE_CATALOG.group.color } as CSSProperties;
  return (
    <div className="fb-group" style={style}>
      <NodeResizer
        isVisible={selected}
        minWidth={MIN.width}
        minHeight={MIN.height}
        lineClassName="fb-group__resize-line"
        handleClassName="fb-group__resize-handle"
      />
      <div className="fb-group__header fb-node__grip">
        <span className="fb-group__name">{data.config.name}</span>
        <span className="fb-group__kind">bounded context</span>
      </div>
      {data.config.description && <p className="fb-group__desc">{data.config.description}</p>}
    </div>
  );
});
