import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type ReactElement } from 'react';
import { useNodeNames } from '../canvas/useNodeNames';
import { byteSize, clockTime } from './message-format';
import { loadOlder, selectMessage, toggleCompare } from './messages-feed';
import { useMessagesStore } from './messages-store';

const ROW_HEIGHT = 28;
/** Start loading the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 40;

/**
 * The matching messages, newest first, virtualized: only visible rows are in the DOM, so
 * a hundred thousand loaded rows scroll like ten.
 */
export function MessageTable(): ReactElement {
  const rows = useMessagesStore((s) => s.rows);
  const selectedId = useMessagesStore((s) => s.selectedId);
  const compareIds = useMessagesStore((s) => s.compareIds);
  const cursor = useMessagesStore((s) => s.cursor);
  const loading = useMessagesStore((s) => s.loading);
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
    if (lastVisible >= rows.length - PREFETCH_ROWS) void loadOlder();
  }, [lastVisible, rows.length, cursor]);

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
        <span title="Tick two to compare">⇄</span>
        <span>Time</span>
        <span>Run</span>
        <span>Node</span>
        <span>Transport</span>
        <span>Destination</span>
        <span className="fb-msgs__num">Part.</span>
        <span>Key</span>
        <span className="fb-msgs__num">Size</span>
        <span>Status</span>
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
                data-message-id={row.id}
                className="fb-msgs__row"
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => void selectMessage(row.id)}
              >
                <span onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    aria-label={`Compare message ${row.id}`}
                    checked={compareIds.includes(row.id)}
                    onChange={() => void toggleCompare(row.id)}
                  />
                </span>
                <span className="fb-msgs__mono" title={new Date(row.ts).toISOString()}>
                  {clockTime(row.ts)}
                </span>
                <span className="fb-msgs__mono" title={row.runId}>
                  {row.runId.slice(0, 8)}
                </span>
                <span data-col="node" title={row.nodeId}>
                  {names[row.nodeId] ?? row.nodeId}
                </span>
                <span>{row.transport}</span>
                <span title={row.destination}>{row.destination}</span>
                <span className="fb-msgs__num">{row.partition ?? ''}</span>
                <span className="fb-msgs__mono" title={row.key ?? ''}>
                  {row.key ?? ''}
                </span>
                <span className="fb-msgs__num">{byteSize(row.size)}</span>
                <span className="fb-msgs__statuses" data-col="status">
                  {row.statuses.map((st) => (
                    <span key={st} className={`fb-msgs__status fb-msgs__status--${st}`}>
                      {st}
                    </span>
                  ))}
                </span>
              </div>
            );
          })}
        </div>
        {(loading || (cursor !== null && rows.length > 0)) && (
          <div className="fb-msgs__loading">{loading ? 'Searching…' : 'Loading older messages…'}</div>
        )}
        {!loading && rows.length === 0 && (
          <div className="fb-msgs__loading" data-testid="messages-none">
            {cursor === null ? 'No message matches this filter.' : 'Searching older messages…'}
          </div>
        )}
      </div>
    </div>
  );
}
