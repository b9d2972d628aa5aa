import type { ReactElement } from 'react';
import { CommandMenu, type MenuEntry } from '../commands/CommandMenu';
import type { ContextTarget } from '../commands/overlay-store';
import { selectedSources } from '../run/pause-actions';
import { useRunStore } from '../run/run-store';
import { useFlowStore } from './flow-store';

type Point = { x: number; y: number };

const ALIGN: MenuEntry[] = [
  'alignLeft',
  'alignCentre',
  'alignRight',
  'alignTop',
  'alignMiddle',
  'alignBottom',
];
const DISTRIBUTE: MenuEntry[] = ['distributeHorizontally', 'distributeVertically'];

/**
 * The entries for what was right-clicked; arrange entries only when they can apply, and
 * `runEntries` (pause or resume sending) first for nodes while a run goes.
 */
export function contextEntries(
  target: ContextTarget,
  selectedNodes: number,
  runEntries: MenuEntry[] = [],
): MenuEntry[] {
  if (target === 'edge') return ['delete'];
  if (target === 'pane') return ['paste', 'quickAdd', '-', 'autoLayout', 'selectAll', 'zoomToFit'];
  const entries: MenuEntry[] = runEntries.length > 0 ? [...runEntries, '-'] : [];
  entries.push('duplicate', 'copy', 'cut', 'delete');
  if (selectedNodes >= 2) entries.push('-', ...ALIGN);
  if (selectedNodes >= 3) entries.push(...DISTRIBUTE);
  if (selectedNodes >= 2) entries.push('-', 'autoLayout');
  return entries;
}

interface ContextMenuProps {
  target: ContextTarget;
  screen: Point;
  flow: Point;
  onClose(): void;
}

/** Right-click menu on a node, the selection, a connection or the empty canvas. */
export function ContextMenu({ target, screen, flow, onClose }: ContextMenuProps): ReactElement {
  const selectedNodes = useFlowStore.getState().nodes.filter((n) => n.selected).length;
  const runEntries: MenuEntry[] = [];
  if (useRunStore.getState().state === 'running') {
    const sources = selectedSources();
    if (sources.running.length > 0) runEntries.push('pauseNodes');
    if (sources.paused.length > 0) runEntries.push('resumeNodes');
  }
  return (
    <CommandMenu
      label={target === 'pane' ? 'Canvas' : target === 'edge' ? 'Connection' : 'Node'}
      entries={contextEntries(target, selectedNodes, runEntries)}
      at={screen}
      ctx={{ source: 'context-menu', at: flow }}
      onClose={onClose}
    />
  );
}
