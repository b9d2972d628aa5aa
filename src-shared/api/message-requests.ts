import { z } from 'zod';
import {
  messageFilterSchema,
  messagePageRequestSchema,
  type MessageFilter,
  type MessagePage,
} from '../trace/message-filter';
import { output } from './request-output';

/** A filter the user saved under a name, kept in the workspace data folder. */
export interface SavedMessageFilter {
  name: string;
  filter: MessageFilter;
  savedAt: number;
}

export const EXPORT_FORMATS = ['json', 'ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Where an export stands; pushed as `messages.exportProgress` at most every 250 ms. */
export interface ExportProgress {
  exportId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  written: number;
  /** Matching messages when the export started. */
  total: number;
  /** The finished file (only when done: a cancelled or failed export leaves no file). */
  path?: string;
  /** Browser mode: a same-origin URL that downloads the finished file (only when done). */
  download?: string;
  error?: string;
}

const filterName = z
  .string()
  .trim()
  .min(1, 'give the filter a name')
  .max(80, 'a filter name is at most 80 characters');

/** Message browser requests (issue 6): filtered pages, saved filters, export, import. */
export const messageRequests = {
  /** One page of recorded messages (all runs, or one via `filter.runId`), newest first. */
  'messages.query': { input: messagePageRequestSchema, output: output<MessagePage>() },
  'messages.filters.list': {
    input: z.object({}).strict(),
    output: output<{ filters: SavedMessageFilter[] }>(),
  },
  /** Saves (or replaces, by name) a filter; returns the whole list. */
  'messages.filters.save': {
    input: z.object({ name: filterName, filter: messageFilterSchema }).strict(),
    output: output<{ filters: SavedMessageFilter[] }>(),
  },
  'messages.filters.delete': {
    input: z.object({ name: filterName }).strict(),
    output: output<{ filters: SavedMessageFilter[] }>(),
  },
  /**
   * Starts exporting every message matching `filter`. Desktop: a native save dialog picks
   * the file (`fileName` is its suggestion; Cancel answers `canceled`). Browser mode: the
   * file is `fileName` in the workspace flows folder, never replacing one (`name-2.ndjson`).
   * Progress comes as `messages.exportProgress` events.
   */
  'messages.export': {
    input: z
      .object({
        filter: messageFilterSchema,
        format: z.enum(EXPORT_FORMATS),
        fileName: z.string().trim().min(1, 'give the export a file name').max(200).optional(),
      })
      .strict(),
    output: output<{ canceled: true } | { canceled: false; exportId: string; total: number }>(),
  },
  /** Stops an export and removes its partial file. */
  'messages.exportCancel': {
    input: z.object({ exportId: z.string().min(1).max(64) }).strict(),
    output: output<{ cancelled: boolean }>(),
  },
  /**
   * Produces the messages of an NDJSON text (our export's lines, or one payload per line)
   * into a topic, queue or exchange node of the running flow, on the run's broker.
   */
  'messages.import': {
    input: z
      .object({
        nodeId: z.string().min(1).max(200),
        text: z.string().max(64 * 1024 * 1024, 'an import file is at most 64 MiB'),
        /** For an exchange: the routing key each message is published with. */
        routingKey: z.string().max(255).optional(),
      })
      .strict(),
    output: output<{ sent: number; problems: string[] }>(),
  },
} as const;
