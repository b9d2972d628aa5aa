import { openExportDialog } from '../export/export-actions';
import type { Command, CommandId } from './command';

/** File → Export… (issue 7): diagrams and documents of the flow. */
export const EXPORT_COMMANDS = {
  export: {
    id: 'export',
    label: 'Export…',
    group: 'File',
    scope: 'global',
    shortcut: { key: 'e', mod: true, shift: true },
    handler: openExportDialog,
  },
} satisfies Partial<Record<CommandId, Command>>;
