import { create } from 'zustand';
import type { MessageDetail, MessageRow } from '@shared/api/contract';

export interface MessagesState {
  /** The run whose messages are listed (the current or the last one). */
  runId: string | null;
  /** Loaded rows, newest first; older pages are appended as the user scrolls. */
  rows: MessageRow[];
  total: number;
  /** True when the oldest message of the run is loaded. */
  reachedEnd: boolean;
  loadingOlder: boolean;
  selectedId: number | null;
  detail: MessageDetail | null;
  detailError: string | null;
}

export const useMessagesStore = create<MessagesState>()(() => ({
  runId: null,
  rows: [],
  total: 0,
  reachedEnd: false,
  loadingOlder: false,
  selectedId: null,
  detail: null,
  detailError: null,
}));

/**
 * Merges a fresh first page (newest first) into the loaded rows. Older loaded rows are
 * kept only when the page overlaps them; otherwise more arrived than one page holds and
 * the list restarts from the page (older rows load again on scroll).
 */
export function mergeFirstPage(
  loaded: MessageRow[],
  page: MessageRow[],
  pageSize: number,
): { rows: MessageRow[]; reachedEnd: boolean | null } {
  if (page.length === 0) return { rows: [], reachedEnd: true };
  const oldestInPage = page[page.length - 1].id;
  if (page.length < pageSize) return { rows: page, reachedEnd: true };
  const overlaps = loaded.some((r) => r.id >= oldestInPage);
  if (!overlaps) return { rows: page, reachedEnd: false };
  // null: whether the end is reached did not change.
  return { rows: [...page, ...loaded.filter((r) => r.id < oldestInPage)], reachedEnd: null };
}
