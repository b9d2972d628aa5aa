import type { NodeProps } from '@xyflow/react';
import { memo, type ReactElement } from 'react';
import type { NodeOf } from './flow-types';
import { NoteText } from './NoteText';
import './group-note.css';

/** A sticky note: its Markdown text rendered as text, no handles (notes take no connections). */
export const NoteNode = memo(function NoteNode({ data }: NodeProps<NodeOf<'note'>>): ReactElement {
  const text = typeof data.config.text === 'string' ? data.config.text : '';
  return (
    <div className="fb-note fb-node__grip" data-testid="note">
      {text.trim() ? <NoteText text={text} /> : <p className="fb-note__empty">Empty note</p>}
    </div>
  );
});
