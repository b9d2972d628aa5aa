import { useRunStore, isRunActive } from '../run/run-store';
import { pauseSources, resumeSources, selectedSources, togglePause } from '../run/pause-actions';
import { startRun, stopRun } from '../run/run-actions';
import type { Command, CommandId } from './command';

const runState = (): ReturnType<typeof useRunStore.getState> => useRunStore.getState();
const running = (): boolean => runState().state === 'running';

/** Run, Stop and pausing the sources: the toolbar, the node menu and the keys share these. */
export const RUN_COMMANDS = {
  runFlow: {
    id: 'runFlow',
    label: 'Run',
    group: 'Run',
    scope: 'global',
    shortcut: { key: 'F5' },
    enabled: () => !runState().pending && !isRunActive(runState().state),
    handler: () => startRun(),
  },
  stopRun: {
    id: 'stopRun',
    label: 'Stop',
    group: 'Run',
    scope: 'global',
    shortcut: { key: 'F5', shift: true },
    enabled: () => !runState().pending && (runState().state === 'running' || runState().state === 'starting'),
    handler: () => stopRun(),
  },
  pauseResume: {
    id: 'pauseResume',
    label: 'Pause / resume sending',
    group: 'Run',
    scope: 'global',
    shortcut: { key: 'F8' },
    enabled: running,
    handler: () => togglePause(),
  },
  pauseNodes: {
    id: 'pauseNodes',
    label: 'Pause sending',
    group: 'Run',
    scope: 'canvas',
    enabled: () => running() && selectedSources().running.length > 0,
    handler: () => pauseSources(selectedSources().running),
  },
  resumeNodes: {
    id: 'resumeNodes',
    label: 'Resume sending',
    group: 'Run',
    scope: 'canvas',
    enabled: () => running() && selectedSources().paused.length > 0,
    handler: () => resumeSources(selectedSources().paused),
  },
} satisfies Partial<Record<CommandId, Command>>;
