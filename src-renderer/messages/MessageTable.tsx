import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type ReactElement } from 'react';
import { useNodeNames } from '../canvas/useNodeNames';
import { byteSize, clockTime } from './message-format';
import { loadOlder, selectMessage } from './messages-feed';
import { useMessagesStore } from './messages-store';

const ROW_HEIGHT = 28;
/** Start loading the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 40;

/** The run's messages, newest first, virtualized: only visible rows are in the DOM. */
export function MessageTable(): ReactElement {
  const rows = useMessagesStore((s) => s.rows);
  const selectedId = useMessagesStore((s) => s.selectedId);
  const loadingOlder = useMessagesStore((s) => s.loadingOlder);
  const names = useNodeNames();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler, so the virtualizer's unstable functions are fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => rows[i].id,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.length > 0 ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (lastVisible >= 0 && lastVisible >= rows.length - PREFETCH_ROWS) void loadOlder();
  }, [lastVisible, rows.length]);

  // New rows arrive on top; a user who scrolled down keeps looking at the same rows.
  const firstId = rows.length > 0 ? rows[0].id : undefined;
  const previousFirstId = useRef(firstId);
  useLayoutEffect(() => {
    const before = previousFirstId.current;
    previousFirstId.current = firstId;
    const el = scrollRef.current;
    if (!el || before === undefined || firstId === before || el.scrollTop === 0) return;
    const added = rows.findIndex((r) => r.id === before);
    if (added > 0) el.scrollTop += added * ROW_HEIGHT;
  }, [firstId, rows]);

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const at = rows.findIndex((r) => r.id === selectedId);
    const next = Math.min(rows.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)));
    if (rows[next]) {
      void selectMessage(rows[next].id);
      virtualizer.scrollToIndex(next);
    }
  };

  return (
    <div className="fb-msgs__table">
      <div className="fb-msgs__row fb-msgs__row--head" aria-hidden="true">
        <span>Time</span>
        <span>Node</span>
        <span>Destination</span>
        <span>Key</span>
        <span className="fb-msgs__num">Size</span>
      </div>
      <div
        ref={scrollRef}
        className="fb-msgs__scroll"
        role="listbox"
        aria-label="Recorded messages"
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            return (
              <div
                key={item.key}
                role="option"
                aria-selected={row.id === selectedId}
                data-testid="message-row"
                className="fb-msgs__row"
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => void selectMessage(row.id)}
              >
                <span className="fb-msgs__mono">{clockTime(row.ts)}</span>
                <span title={row.nodeId}>{names[row.nodeId] ?? row.nodeId}</span>
                <span
                  title={`${row.transport}${row.partition !== null ? ` · partition ${row.partition}` : ''}`}
                >
                  {row.destination}
                </span>
                <span className="fb-msgs__mono">{row.key ?? ''}</span>
                <span className="fb-msgs__num">{byteSize(row.size)}</span>
              </div>
            );
          })}
        </div>
        {loadingOlder && <div className="fb-msgs__loading">Loading older messages…</div>}
      </div>
    </div>
  );
}
