import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { COMMANDS, runCommand, shortcutText } from '../app/commands';
import { isEnabled, type CommandContext, type CommandId } from './command';
import './editing.css';

/** A menu entry: a command, or `-` for a separator. */
export type MenuEntry = CommandId | '-';

interface CommandMenuProps {
  label: string;
  entries: MenuEntry[];
  /** Screen point of the menu's top-left corner (moved in if it would leave the window). */
  at: { x: number; y: number };
  ctx: CommandContext;
  onClose(): void;
}

/**
 * A popup menu of registry commands with their shortcuts: context menus and the toolbar's
 * Align menu. Arrow keys move, Enter runs, Escape or a click elsewhere closes.
 */
export function CommandMenu({ label, entries, at, ctx, onClose }: CommandMenuProps): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState(at);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    setPos({
      x: Math.max(4, Math.min(at.x, window.innerWidth - r.width - 4)),
      y: Math.max(4, Math.min(at.y, window.innerHeight - r.height - 4)),
    });
    el.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus();
  }, [at]);

  useEffect(() => {
    const away = (e: PointerEvent): void => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', away, true);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('pointerdown', away, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent): void => {
    const items = [
      ...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? []),
    ];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div
      ref={ref}
      className="fb-menu"
      role="menu"
      aria-label={label}
      style={{ left: pos.x, top: pos.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {entries.map((entry, i) => {
        if (entry === '-') return <div key={`sep-${i}`} className="fb-menu__sep" role="separator" />;
        const c = COMMANDS[entry];
        return (
          <button
            key={entry}
            type="button"
            role="menuitem"
            className="fb-menu__item"
            disabled={!isEnabled(c)}
            onClick={() => {
              // Close first: the command may open an overlay of its own (Add node…).
              onClose();
              runCommand(entry, ctx);
            }}
          >
            <span>{c.label}</span>
            {c.shortcut && <kbd className="fb-menu__keys">{shortcutText(c)}</kbd>}
          </button>
        );
      })}
    </div>
  );
}
