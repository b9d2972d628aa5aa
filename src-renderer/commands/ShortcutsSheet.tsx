import type { ReactElement } from 'react';
import { COMMANDS, formatShortcut } from '../app/commands';
import { Dialog } from '../app/Dialog';
import type { Command } from './command';

const GROUPS: Command['group'][] = ['File', 'Edit', 'Arrange', 'View', 'Run'];

// Gestures have no command object; they are listed so the sheet tells the whole story.
const GESTURES: Array<[string, string]> = [
  ['Select several', 'Shift+click'],
  ['Box select', 'Shift+drag'],
  ['Add node here', 'Double-click'],
  ['More actions', 'Right-click'],
  ['Nudge selection', 'Arrow keys'],
];

type Row = { id: string; label: string; keys: string[] };

function commandRows(group: Command['group']): Row[] {
  return Object.values(COMMANDS)
    .filter((c) => c.group === group)
    .map((c) => ({
      id: c.id,
      label: c.label,
      keys: [c.shortcut, ...(c.moreShortcuts ?? [])].flatMap((s) => (s ? [formatShortcut(s)] : [])),
    }));
}

const SECTIONS: Record<string, Row[]> = {
  ...Object.fromEntries(GROUPS.map((g) => [g, commandRows(g)])),
  Mouse: GESTURES.map(([label, how]) => ({ id: label, label, keys: [how] })),
};

// Three columns of about equal height, so the sheet fits a laptop screen without scrolling.
const COLUMNS = [['File', 'View'], ['Edit', 'Mouse'], ['Arrange']];

/** Every command with its shortcuts, generated from the registry, grouped as the menus are. */
export function ShortcutsSheet({ onClose }: { onClose(): void }): ReactElement {
  return (
    <Dialog
      title="Keyboard shortcuts"
      wide
      onCancel={onClose}
      actions={
        <button type="button" className="fb-btn fb-btn--primary" autoFocus onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="fb-shortcuts">
        {COLUMNS.map((column) => (
          <div key={column.join()} className="fb-shortcuts__column">
            {column.map((name) => (
              <section key={name} className="fb-shortcuts__group" aria-label={name}>
                <h3>{name}</h3>
                <dl>
                  {SECTIONS[name].map((row) => (
                    <div key={row.id} className="fb-shortcuts__row">
                      <dt>{row.label}</dt>
                      <dd>
                        {row.keys.map((k) => (
                          <kbd key={k}>{k}</kbd>
                        ))}
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        ))}
      </div>
    </Dialog>
  );
}
