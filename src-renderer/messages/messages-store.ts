import { create } from 'zustand';
import type { MessageDetail } from '@shared/api/contract';
import type { ExportProgress, SavedMessageFilter } from '@shared/api/message-requests';
import type { MessageFilter, MessagePageRow } from '@shared/trace/message-filter';
import { EMPTY_DRAFT, type DraftErrors, type FilterDraft } from './filter-draft';

export interface MessagesState {
  /** The current (or last) run: a run's start points the browser at it. */
  runId: string | null;
  /** Messages recorded in that run so far (from `messages.added`). */
  total: number;
  /** The filter bar as typed, the filter in force, and what is wrong with the typed one. */
  draft: FilterDraft;
  filter: MessageFilter;
  draftErrors: DraftErrors;
  /** Loaded rows, newest first; older pages are appended as the user scrolls. */
  rows: MessagePageRow[];
  /** Where the next older page starts; null when the oldest match is loaded. */
  cursor: string | null;
  loading: boolean;
  queryError: string | null;
  /** Live tail paused: new messages are counted, not shown. */
  paused: boolean;
  missed: number;
  selectedId: number | null;
  detail: MessageDetail | null;
  detailError: string | null;
  /** Up to two rows ticked for side-by-side comparison, and their details once both load. */
  compareIds: number[];
  compare: [MessageDetail, MessageDetail] | null;
  savedFilters: SavedMessageFilter[];
  exportJob: ExportProgress | null;
}

export const useMessagesStore = create<MessagesState>()(() => ({
  runId: null,
  total: 0,
  draft: EMPTY_DRAFT,
  filter: {},
  draftErrors: {},
  rows: [],
  cursor: null,
  loading: false,
  queryError: null,
  paused: false,
  missed: 0,
  selectedId: null,
  detail: null,
  detailError: null,
  compareIds: [],
  compare: null,
  savedFilters: [],
  exportJob: null,
}));

/**
 * Merges a fresh first page (newest first) into the loaded rows. Older loaded rows are
 * kept only when the page overlaps them; otherwise more arrived than one page holds and
 * the list restarts from the page (older rows load again on scroll).
 */
export function mergeFirstPage<R extends { id: number }>(
  loaded: R[],
  page: R[],
  pageSize: number,
): { rows: R[]; reachedEnd: boolean | null } {
  if (page.length === 0) return { rows: [], reachedEnd: true };
  const oldestInPage = page[page.length - 1].id;
  if (page.length < pageSize) return { rows: page, reachedEnd: true };
  const overlaps = loaded.some((r) => r.id >= oldestInPage);
  if (!overlaps) return { rows: page, reachedEnd: false };
  // null: whether the end is reached did not change.
  return { rows: [...page, ...loaded.filter((r) => r.id < oldestInPage)], reachedEnd: null };
}
