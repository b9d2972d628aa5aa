import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, type ReactElement } from 'react';
import type { RunLogEntry } from '@shared/run/counters';
import { useNodeNames } from '../canvas/useNodeNames';
import { filterLog, useRunPanelStore, type LogFilter } from './run-panel-store';
import { logTime } from './run-format';
import { useRunLogStore } from './run-log-store';

const LEVEL: Record<RunLogEntry['level'], { icon: string; label: string }> = {
  error: { icon: '✖', label: 'Error' },
  warning: { icon: '▲', label: 'Warning' },
  info: { icon: '●', label: 'Info' },
};

const FILTERS: Array<{ value: LogFilter; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'problems', label: 'Warnings and errors' },
  { value: 'errors', label: 'Errors' },
];

/**
 * The run's warnings and errors, newest first, virtualized (only visible lines are in the
 * DOM). Each names its node; pressing the name selects the node and centres it.
 */
export function RunLog({ onReveal }: { onReveal(nodeId: string): void }): ReactElement {
  const entries = useRunLogStore((s) => s.entries);
  const filter = useRunPanelStore((s) => s.logFilter);
  const setFilter = useRunPanelStore((s) => s.setLogFilter);
  const names = useNodeNames();
  const shown = useMemo(() => filterLog(entries, filter).slice().reverse(), [entries, filter]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler, so the virtualizer's unstable functions are fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 26,
    getItemKey: (i) => shown[i].seq,
    overscan: 10,
  });

  return (
    <section className="fb-runp__box fb-runlog" aria-label="Run log">
      <header className="fb-runp__box-head">
        <h3>Run log</h3>
        <span className="fb-runp__unit" data-testid="run-log-count">
          {entries.length === 0 ? 'nothing yet' : `${shown.length} of ${entries.length}`}
        </span>
        <select
          className="fb-runp__select"
          aria-label="Log levels"
          value={filter}
          onChange={(e) => setFilter(e.target.value as LogFilter)}
        >
          {FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </header>
      <div ref={scrollRef} className="fb-runlog__scroll" role="list" aria-label="Log lines">
        {shown.length === 0 ? (
          <p className="fb-runp__empty">No warnings or errors in this run.</p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const e = shown[item.index];
              return (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  role="listitem"
                  data-testid="run-log-line"
                  data-level={e.level}
                  className={`fb-runlog__line fb-runlog__line--${e.level}`}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <span className="fb-runlog__icon" role="img" aria-label={LEVEL[e.level].label}>
                    {LEVEL[e.level].icon}
                  </span>
                  <span className="fb-runlog__time">{logTime(e.ts)}</span>
                  <div className="fb-runlog__text">
                    <div className="fb-runlog__head">
                      {e.nodeId &&
                        (names[e.nodeId] !== undefined ? (
                          <button
                            type="button"
                            className="fb-runlog__node"
                            data-testid="run-log-node"
                            title="Show this node on the canvas"
                            onClick={() => onReveal(e.nodeId as string)}
                          >
                            {names[e.nodeId] || e.nodeId}
                          </button>
                        ) : (
                          <span className="fb-runlog__node fb-runlog__node--gone">{e.nodeId}</span>
                        ))}
                      <span className="fb-runlog__message" title={e.message}>
                        {e.message}
                      </span>
                      {(e.repeats ?? 1) > 1 && (
                        <span
                          className="fb-runlog__repeats"
                          title={`${e.repeats} times`}
                          data-testid="run-log-repeats"
                        >
                          ×{e.repeats}
                        </span>
                      )}
                    </div>
                    {e.hint && <div className="fb-runlog__hint">{e.hint}</div>}
                  </div>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}
