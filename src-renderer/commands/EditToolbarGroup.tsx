import type { ReactElement, ReactNode } from 'react';
import { COMMANDS, commandTitle, runCommand } from '../app/commands';
import { useFlowStore } from '../canvas/flow-store';
import { useSelectionStore } from '../canvas/selection-store';
import type { CommandId } from './command';
import { AlignIcon, GridIcon, LayoutIcon, RedoIcon, UndoIcon } from './EditIcons';
import { useEditorPrefs } from './editor-prefs';
import { useOverlayStore } from './overlay-store';
import './editing.css';

/** Undo, Redo, Auto-layout, the Align menu and the snap toggle, in the toolbar. */
export function EditToolbarGroup(): ReactElement {
  const canUndo = useFlowStore((s) => s.history.past.length > 0 || s.history.open !== null);
  const canRedo = useFlowStore((s) => s.history.future.length > 0);
  const hasNodes = useFlowStore((s) => s.nodes.length > 0);
  const selected = useSelectionStore((s) => s.nodeIds.length);
  const snap = useEditorPrefs((s) => s.snapToGrid);
  const alignOpen = useOverlayStore((s) => s.overlay?.kind === 'align-menu');
  const open = useOverlayStore((s) => s.open);

  const button = (id: CommandId, icon: ReactNode, enabled: boolean): ReactElement => (
    <button
      type="button"
      className="fb-btn fb-btn--ghost fb-btn--icon"
      aria-label={COMMANDS[id].label}
      title={commandTitle(COMMANDS[id])}
      disabled={!enabled}
      onClick={() => runCommand(id, { source: 'toolbar' })}
    >
      {icon}
    </button>
  );

  return (
    <div className="fb-toolbar__group fb-toolbar__edit" role="group" aria-label="Edit">
      {button('undo', <UndoIcon />, canUndo)}
      {button('redo', <RedoIcon />, canRedo)}
      {button('autoLayout', <LayoutIcon />, hasNodes)}
      <button
        type="button"
        className="fb-btn fb-btn--ghost fb-btn--icon"
        aria-label="Align"
        aria-haspopup="menu"
        aria-expanded={alignOpen}
        title="Align and distribute the selected nodes"
        disabled={selected < 2}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          open({ kind: 'align-menu', screen: { x: r.left, y: r.bottom + 4 } });
        }}
      >
        <AlignIcon />
        <span aria-hidden="true">▾</span>
      </button>
      <button
        type="button"
        className={`fb-btn fb-btn--ghost fb-btn--icon${snap ? ' fb-btn--on' : ''}`}
        aria-pressed={snap}
        aria-label={COMMANDS.toggleSnap.label}
        title={commandTitle(COMMANDS.toggleSnap)}
        onClick={() => runCommand('toggleSnap', { source: 'toolbar' })}
      >
        <GridIcon />
      </button>
    </div>
  );
}
