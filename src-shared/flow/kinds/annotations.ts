import { z } from 'zod';
import { nodeName, wholeNumber } from './common';

/** Annotations family: group boxes (bounded contexts) and Markdown notes. They never run. */

/** Group: a named bounded-context box its members move with. */
export const groupConfig = z.object({
  name: nodeName.default('context'),
  description: z.string().max(2000).meta({ description: 'What this bounded context owns.' }).default(''),
  /** Box size on the canvas, set by resizing the group (not shown in the form). */
  width: wholeNumber(120, 20_000).default(520),
  height: wholeNumber(80, 20_000).default(320),
});

/** Note: Markdown text on the canvas. */
export const noteConfig = z.object({
  name: nodeName.default('note'),
  /** Markdown subset: headings, lists, **bold**, *italic* and `code`; shown as text. */
  text: z
    .string()
    .max(20_000, 'must be at most 20,000 characters')
    .meta({ description: 'Markdown: # heading, - list, **bold**, *italic*, `code`.' })
    .default('**Note**\nWhy this part of the flow looks the way it does.'),
});

/** Parsed configs (defaults filled) of the annotation kinds. */
export type GroupConfig = z.infer<typeof groupConfig>;
export type NoteConfig = z.infer<typeof noteConfig>;
