import { newFlow, openFlow, saveFlow, saveFlowAs } from '../files/file-actions';
import type { Command, CommandId } from './command';

/** New, Open, Save and Save As (the desktop menu owns their keys there). */
export const FILE_COMMANDS = {
  new: {
    id: 'new',
    label: 'New',
    group: 'File',
    scope: 'global',
    shortcut: { key: 'n', mod: true },
    handler: newFlow,
  },
  open: {
    id: 'open',
    label: 'Open…',
    group: 'File',
    scope: 'global',
    shortcut: { key: 'o', mod: true },
    handler: openFlow,
  },
  save: {
    id: 'save',
    label: 'Save',
    group: 'File',
    scope: 'global',
    shortcut: { key: 's', mod: true },
    handler: saveFlow,
  },
  saveAs: {
    id: 'saveAs',
    label: 'Save As…',
    group: 'File',
    scope: 'global',
    shortcut: { key: 's', mod: true, shift: true },
    handler: saveFlowAs,
  },
} satisfies Partial<Record<CommandId, Command>>;
