import { create } from 'zustand';
import type { MessageDetail } from '@shared/api/contract';
import type { ReplayRecord, ReplaySource } from '@shared/api/replay-requests';

/** What the Replay dialog replays; `message` is set for one message, so it can be edited. */
export interface ReplayRequestSpec {
  source: ReplaySource;
  /** In words, e.g. "message 42" or "run 1b2c… (checkout)". */
  label: string;
  message?: MessageDetail;
}

interface ReplayUiState {
  open: ReplayRequestSpec | null;
  /** The replay started from the dialog, with its latest progress. */
  current: ReplayRecord | null;
}

export const useReplayStore = create<ReplayUiState>()(() => ({ open: null, current: null }));

/**
 * Opens the Replay dialog for one message, a selection (`{ kind: 'messages', ids }`), the
 * browser's current filter (`{ kind: 'filter', filter }`) or a whole run.
 */
export function openReplayDialog(spec: ReplayRequestSpec): void {
  useReplayStore.setState({ open: spec, current: null });
}

export function closeReplayDialog(): void {
  useReplayStore.setState({ open: null });
}

/** Takes a `replay.progress` event for the replay shown. */
export function onReplayProgress(replay: ReplayRecord): void {
  const current = useReplayStore.getState().current;
  if (current && current.id === replay.id) useReplayStore.setState({ current: replay });
}
