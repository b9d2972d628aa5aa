import { useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { NODE_CATALOG, NODE_FAMILIES, type NodeKindInfo } from '@shared/flow/node-catalog';
import type { NodeKind } from '@shared/flow/node-kinds';
import { DROP_ANCHOR } from '../canvas/new-node';
import { useFlowStore } from '../canvas/flow-store';
import { PaletteItem } from './PaletteItem';
import { searchKinds } from './palette-search';
import './palette.css';

/**
 * Every node kind, grouped by family, with a search box. Drag an item onto the canvas, or
 * press it to drop one in the middle of the view. Keyboard: Tab into the search, type,
 * Enter adds the best match; ↓/↑ walk the items and Enter adds the focused one.
 */
export function Palette(): ReactElement {
  const addNode = useFlowStore((s) => s.addNode);
  const { screenToFlowPosition } = useReactFlow();
  const [query, setQuery] = useState('');
  const [activeKind, setActiveKind] = useState<NodeKind | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const itemRefs = useRef(new Map<NodeKind, HTMLButtonElement>());

  const ranked = useMemo(() => searchKinds(query), [query]);
  // Items in the order they appear on screen (family by family), for arrow keys.
  const shown = useMemo(
    () => NODE_FAMILIES.flatMap((f) => ranked.filter((k) => NODE_CATALOG[k].family === f).sort(byCatalog)),
    [ranked],
  );
  const active = activeKind && shown.includes(activeKind) ? activeKind : (ranked[0] ?? null);

  const addAtCentre = useCallback(
    (info: NodeKindInfo): void => {
      const rect = document.querySelector('.fb-canvas')?.getBoundingClientRect();
      const centre = rect
        ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
        : { x: 400, y: 300 };
      const p = screenToFlowPosition(centre);
      addNode(info.kind, { x: p.x - DROP_ANCHOR.x, y: p.y - DROP_ANCHOR.y });
    },
    [screenToFlowPosition, addNode],
  );

  const focusItem = (kind: NodeKind | undefined): void => {
    if (!kind) return;
    setActiveKind(kind);
    itemRefs.current.get(kind)?.focus();
  };

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusItem(shown[0]);
    } else if (e.key === 'Enter' && active) {
      e.preventDefault();
      addAtCentre(NODE_CATALOG[active]);
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
    }
  };

  const onItemKey = useCallback(
    (kind: NodeKind) =>
      (e: KeyboardEvent<HTMLButtonElement>): void => {
        const i = shown.indexOf(kind);
        const to: Record<string, NodeKind | undefined> = {
          ArrowDown: shown[i + 1],
          ArrowUp: shown[i - 1],
          Home: shown[0],
          End: shown[shown.length - 1],
        };
        if (e.key in to) {
          e.preventDefault();
          if (e.key === 'ArrowUp' && i === 0) searchRef.current?.focus();
          else focusItem(to[e.key]);
        } else if (e.key === 'Escape') {
          searchRef.current?.focus();
        }
      },
    [shown],
  );

  return (
    <nav className="fb-palette" aria-label="Palette">
      <h2 className="fb-panel-title">Components</h2>
      <input
        ref={searchRef}
        type="search"
        className="fb-input fb-palette__search"
        placeholder="Search components…"
        aria-label="Search components"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActiveKind(null);
        }}
        onKeyDown={onSearchKey}
      />
      {shown.length === 0 && <p className="fb-palette__none">No component matches “{query}”.</p>}
      {NODE_FAMILIES.map((family) => {
        const kinds = shown.filter((k) => NODE_CATALOG[k].family === family);
        if (kinds.length === 0) return null;
        return (
          <section key={family} className="fb-palette__group" aria-label={family}>
            <h3 className="fb-palette__family">{family}</h3>
            {kinds.map((kind) => (
              <PaletteItem
                key={kind}
                ref={(el) => {
                  if (el) itemRefs.current.set(kind, el);
                  else itemRefs.current.delete(kind);
                }}
                info={NODE_CATALOG[kind]}
                active={kind === active}
                onAdd={addAtCentre}
                onKeyDown={onItemKey(kind)}
                onFocus={() => setActiveKind(kind)}
              />
            ))}
          </section>
        );
      })}
    </nav>
  );
}

function byCatalog(a: NodeKind, b: NodeKind): number {
  const order = Object.keys(NODE_CATALOG);
  return order.indexOf(a) - order.indexOf(b);
}
