import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MessagesPanel } from '../messages/MessagesPanel';
import { CallsPanel } from './CallsPanel';
import { useRunPanelStore, type BottomTab } from './run-panel-store';
import { countLevels, useRunLogStore } from './run-log-store';
import { RunPanel } from './RunPanel';
import { TracePanel } from '../traces/TracePanel';
import { RunsPanel } from '../runs/RunsPanel';

const TABS: Array<{ id: BottomTab; label: string }> = [
  { id: 'messages', label: 'Messages' },
  { id: 'run', label: 'Run' },
  { id: 'calls', label: 'Calls' },
  { id: 'trace', label: 'Trace' },
  { id: 'runs', label: 'History' },
];

/**
 * The bottom dock: the recorded messages and the run panel as tabs. Both stay mounted, so
 * the message list keeps following the run while the charts are shown.
 */
export function BottomDock(): ReactElement {
  const tab = useRunPanelStore((s) => s.tab);
  const setTab = useRunPanelStore((s) => s.setTab);
  const problems = useRunLogStore(useShallow((s) => countLevels(s.entries)));
  return (
    <div className="fb-dock">
      <div className="fb-dock__tabs" role="tablist" aria-label="Bottom panels">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`fb-dock-tab-${t.id}`}
            aria-selected={tab === t.id}
            className="fb-dock__tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {t.id === 'run' && problems.error > 0 && (
              <span className="fb-dock__badge fb-dock__badge--error" title={`${problems.error} errors`}>
                ✖ {problems.error}
              </span>
            )}
            {t.id === 'run' && problems.warning > 0 && (
              <span className="fb-dock__badge fb-dock__badge--warning" title={`${problems.warning} warnings`}>
                ▲ {problems.warning}
              </span>
            )}
          </button>
        ))}
      </div>
      <div className="fb-dock__body" hidden={tab !== 'messages'}>
        <MessagesPanel />
      </div>
      <RunPanel hidden={tab !== 'run'} />
      <CallsPanel hidden={tab !== 'calls'} />
      <TracePanel hidden={tab !== 'trace'} />
      <RunsPanel hidden={tab !== 'runs'} />
    </div>
  );
}
