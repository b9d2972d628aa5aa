import { Fragment, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlowStore } from '../canvas/flow-store';
import { baseName } from '../files/file-names';
import { RunControls } from '../run/RunControls';
import { EnvironmentPicker } from '../settings/EnvironmentPicker';
import { AutosaveStatus } from '../files/AutosaveStatus';
import { RecentMenu } from '../files/RecentMenu';
import { ValidationBadge } from '../validation/ValidationBadge';
import { ThemeToggle } from './ThemeToggle';
import { EditToolbarGroup } from '../commands/EditToolbarGroup';
import { COMMANDS, commandTitle, runCommand, type CommandId } from './commands';
import './toolbar.css';

const FILE_COMMANDS: CommandId[] = ['new', 'newFromTemplate', 'open', 'save', 'saveAs', 'export', 'import'];

/** The toolbar's short label of a command, when it has one (commands of every kind share the map). */
function toolbarLabelOf(id: CommandId): string | undefined {
  const command: { toolbarLabel?: string } = COMMANDS[id];
  return command.toolbarLabel;
}

/** File commands, the flow's name, the environment and Run/Stop. */
export function Toolbar(): ReactElement {
  const { name, filePath, dirty, setName } = useFlowStore(
    useShallow((s) => ({ name: s.name, filePath: s.filePath, dirty: s.dirty, setName: s.setName })),
  );
  return (
    <header className="fb-toolbar">
      <div className="fb-toolbar__brand" aria-hidden="true">
        <span className="fb-toolbar__logo">◆</span> <span className="fb-toolbar__brand-name">Flowbench</span>
      </div>
      <div className="fb-toolbar__group" role="group" aria-label="File">
        {FILE_COMMANDS.map((id) => (
          <Fragment key={id}>
            <button
              type="button"
              className="fb-btn fb-btn--ghost"
              title={commandTitle(COMMANDS[id])}
              aria-label={toolbarLabelOf(id) ? COMMANDS[id].label : undefined}
              onClick={() => runCommand(id, { source: 'toolbar' })}
            >
              {toolbarLabelOf(id) ?? COMMANDS[id].label}
            </button>
            {id === 'open' && <RecentMenu />}
          </Fragment>
        ))}
      </div>
      <EditToolbarGroup />
      <div className="fb-toolbar__name">
        <input
          className="fb-toolbar__name-input"
          aria-label="Flow name"
          value={name}
          spellCheck={false}
          onChange={(e) => setName(e.target.value)}
        />
        <span className="fb-toolbar__file" title={filePath ?? undefined}>
          {dirty && (
            <span className="fb-toolbar__dirty" aria-label="Unsaved changes">
              ●
            </span>
          )}
          {filePath ? baseName(filePath) : 'not saved yet'}
        </span>
        <AutosaveStatus />
      </div>
      <div className="fb-toolbar__spacer" />
      <ValidationBadge />
      <ThemeToggle />
      <EnvironmentPicker />
      <RunControls />
    </header>
  );
}
