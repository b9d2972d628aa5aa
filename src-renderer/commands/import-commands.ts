import { importDialog } from '../app/dialog-store';
import type { Command, CommandId } from './command';

/** File → Import… (issue 7): AsyncAPI, OpenAPI and .proto documents as flows. */
export const IMPORT_COMMANDS = {
  import: {
    id: 'import',
    label: 'Import…',
    group: 'File',
    scope: 'global',
    handler: importDialog,
  },
} satisfies Partial<Record<CommandId, Command>>;
