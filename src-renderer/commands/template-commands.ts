import { choosePattern, newFromTemplate } from '../templates/template-actions';
import type { Command, CommandId } from './command';

/** Commands that start from the pattern templates of issue 5. */
export const TEMPLATE_COMMANDS = {
  newFromTemplate: {
    id: 'newFromTemplate',
    label: 'New from Template…',
    toolbarLabel: 'Templates…',
    group: 'File',
    scope: 'global',
    shortcut: { key: 'p', mod: true, shift: true },
    handler: newFromTemplate,
  },
  choosePattern: {
    id: 'choosePattern',
    label: 'Choose a Pattern…',
    group: 'File',
    scope: 'global',
    handler: choosePattern,
  },
} satisfies Partial<Record<CommandId, Command>>;
