import { useMemo, useState, type KeyboardEvent, type ReactElement } from 'react';
import { NODE_CATALOG } from '@shared/flow/node-catalog';
import { centreOn } from '../commands/canvas-view';
import { useFlowStore } from './flow-store';

const MAX_MATCHES = 8;

/**
 * Ctrl/Cmd+F: a search box over the canvas listing nodes whose name (or id) contains
 * the text; Enter or a click selects the node and centres it.
 */
export function FindBox({ onClose }: { onClose(): void }): ReactElement {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // Only mounted while open, so reading the whole node list here costs nothing otherwise.
  const nodes = useFlowStore((s) => s.nodes);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    return nodes
      .filter((n) => n.data.config.name.toLowerCase().includes(q) || n.id.toLowerCase().includes(q))
      .slice(0, MAX_MATCHES);
  }, [nodes, query]);

  const choose = (id: string): void => {
    const node = useFlowStore.getState().nodes.find((n) => n.id === id);
    if (!node) return;
    useFlowStore.getState().selectNode(id);
    centreOn(node);
    onClose();
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, matches.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter' && matches[active]) choose(matches[active].id);
    else return;
    e.preventDefault();
  };

  return (
    <div className="fb-find" role="search" aria-label="Find a node">
      <input
        className="fb-input"
        autoFocus
        aria-label="Find node by name"
        placeholder="Find a node by name…"
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls="fb-find-results"
        value={query}
        spellCheck={false}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget)) onClose();
        }}
      />
      {query.trim() !== '' && (
        <ul id="fb-find-results" className="fb-pick__list" role="listbox" aria-label="Matching nodes">
          {matches.length === 0 && <li className="fb-pick__empty">No node matches “{query.trim()}”</li>}
          {matches.map((n, i) => (
            <li
              key={n.id}
              role="option"
              aria-selected={i === active}
              className="fb-pick__option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(n.id)}
            >
              <span
                className="fb-pick__icon"
                style={{ background: NODE_CATALOG[n.type].color }}
                aria-hidden="true"
              >
                {NODE_CATALOG[n.type].icon}
              </span>
              <span className="fb-pick__label">{n.data.config.name || n.id}</span>
              <span className="fb-pick__hint">{NODE_CATALOG[n.type].label}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
