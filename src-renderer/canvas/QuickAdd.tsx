import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { NODE_CATALOG, type NodeKindInfo } from '@shared/flow/node-catalog';
import { NODE_KINDS } from '@shared/flow/node-kinds';
import { GRID, useEditorPrefs } from '../commands/editor-prefs';
import { useFlowStore } from './flow-store';

type Point = { x: number; y: number };

/** Half a node's usual size, so the new node is centred where the user double-clicked. */
const HALF = { x: 120, y: 48 };

/** How well a kind matches the query: label start, label word, anywhere else; -1 for no match. */
function rank(info: NodeKindInfo, q: string): number {
  const label = info.label.toLowerCase();
  if (label.startsWith(q)) return 0;
  if (label.includes(q)) return 1;
  const rest = [info.family, info.description, info.kind].some((t) => t.toLowerCase().includes(q));
  return rest ? 2 : -1;
}

/**
 * Double-click on the empty canvas: a search box listing node kinds; Enter (or a click)
 * adds the highlighted kind centred at that point.
 */
export function QuickAdd({
  screen,
  flow,
  onClose,
}: {
  screen: Point;
  flow: Point;
  onClose(): void;
}): ReactElement {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState(screen);
  const kinds = useMemo(() => {
    const q = query.trim().toLowerCase();
    const all = NODE_KINDS.map((k) => NODE_CATALOG[k]);
    if (!q) return all;
    // Stable sort: equally good matches keep the palette's order.
    return all
      .map((info) => ({ info, r: rank(info, q) }))
      .filter((m) => m.r >= 0)
      .sort((a, b) => a.r - b.r)
      .map((m) => m.info);
  }, [query]);

  // Keep the whole box inside the window when the click was near an edge.
  useLayoutEffect(() => {
    const r = ref.current?.getBoundingClientRect();
    if (!r) return;
    setPos({
      x: Math.max(4, Math.min(screen.x, window.innerWidth - r.width - 4)),
      y: Math.max(4, Math.min(screen.y, window.innerHeight - r.height - 4)),
    });
  }, [screen]);

  useLayoutEffect(() => {
    ref.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const add = (info: NodeKindInfo): void => {
    let p = { x: flow.x - HALF.x, y: flow.y - HALF.y };
    if (useEditorPrefs.getState().snapToGrid) {
      p = { x: Math.round(p.x / GRID) * GRID, y: Math.round(p.y / GRID) * GRID };
    }
    useFlowStore.getState().addNode(info.kind, p);
    onClose();
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, kinds.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter' && kinds[active]) add(kinds[active]);
    else return;
    e.preventDefault();
  };

  return (
    <div
      ref={ref}
      className="fb-quick-add"
      style={{ left: pos.x, top: pos.y }}
      role="dialog"
      aria-label="Add node"
    >
      <input
        className="fb-input"
        autoFocus
        role="combobox"
        aria-label="Node kind"
        aria-expanded="true"
        aria-controls="fb-quick-add-kinds"
        placeholder="Add a node: type to search…"
        value={query}
        spellCheck={false}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          if (!ref.current?.contains(e.relatedTarget)) onClose();
        }}
      />
      <ul id="fb-quick-add-kinds" className="fb-pick__list" role="listbox" aria-label="Node kinds">
        {kinds.length === 0 && <li className="fb-pick__empty">No kind matches “{query.trim()}”</li>}
        {kinds.map((info, i) => (
          <li
            key={info.kind}
            role="option"
            aria-selected={i === active}
            className="fb-pick__option"
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => add(info)}
          >
            <span className="fb-pick__icon" style={{ background: info.color }} aria-hidden="true">
              {info.icon}
            </span>
            <span className="fb-pick__label">{info.label}</span>
            <span className="fb-pick__hint">{info.family}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
