import type { NodeKindInfo } from '../node-catalog';

/** Palette entries of the Annotations family: they document the flow and never run. */
export const ANNOTATIONS_CATALOG: Record<'group' | 'note', NodeKindInfo> = {
  group: {
    kind: 'group',
    label: 'Group',
    noun: 'a group',
    family: 'Annotations',
    description: 'A named bounded-context box; nodes inside move with it',
    color: '#94a3b8',
    icon: '▢',
    keywords: 'bounded context box frame container domain',
    starter: {},
  },
  note: {
    kind: 'note',
    label: 'Note',
    noun: 'a note',
    family: 'Annotations',
    description: 'A Markdown annotation on the canvas',
    color: '#eab308',
    icon: '✎',
    keywords: 'comment text markdown sticky annotation',
    starter: {},
  },
};
