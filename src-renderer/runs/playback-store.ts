import { create } from 'zustand';
import { activeHops, countsAt, indexTimeline, type PlaybackIndex } from '@shared/trace/run-timeline';
import { api, errorText } from '../app/api-holder';
import { playbackBadge } from './playback-text';

interface PlaybackState {
  runId: string | null;
  index: PlaybackIndex | null;
  /** The moment shown, epoch ms. */
  at: number;
  playing: boolean;
  speed: number;
  active: boolean;
  error: string | null;
  /** Hops crossed just before `at` (lit on the canvas). */
  litHops: Array<{ from: string; to: string }>;
  /** Node id → its badge text at `at`. */
  counts: Record<string, string>;
  /** Node id → kind → count at `at`, for the table beside the slider. */
  kinds: Record<string, Record<string, number>>;
}

export const usePlaybackStore = create<PlaybackState>()(() => ({
  runId: null,
  index: null,
  at: 0,
  playing: false,
  speed: 4,
  active: false,
  error: null,
  litHops: [],
  counts: {},
  kinds: {},
}));

/** How long an edge stays lit after messages crossed it, in run time at 1x. */
const GLOW_MS = 250;

/** Shows the run as it was at `at` (clamped to the run): counts per node, lit edges. */
export function seek(at: number): void {
  const { index, speed } = usePlaybackStore.getState();
  if (!index) return;
  const t = index.timeline;
  const clamped = Math.min(Math.max(at, t.start), t.end);
  const kinds = countsAt(index, clamped);
  const counts: Record<string, string> = {};
  for (const [node, k] of Object.entries(kinds)) {
    const text = playbackBadge(k);
    if (text) counts[node] = text;
  }
  usePlaybackStore.setState({
    at: clamped,
    kinds,
    counts,
    litHops: activeHops(index, clamped, GLOW_MS * Math.max(1, speed / 4)),
  });
}

/** Loads a finished run's timeline and shows its start. */
export async function loadPlayback(runId: string): Promise<void> {
  pause();
  usePlaybackStore.setState({ runId, index: null, active: true, error: null });
  try {
    const timeline = await api()['runs.timeline']({ runId, maxBuckets: 1000 });
    if (usePlaybackStore.getState().runId !== runId) return;
    if (!timeline) {
      usePlaybackStore.setState({ error: `Run ${runId} is no longer recorded.` });
      return;
    }
    usePlaybackStore.setState({ index: indexTimeline(timeline) });
    seek(timeline.start);
  } catch (err) {
    usePlaybackStore.setState({ error: errorText(err) });
  }
}

let frame = 0;

export function play(): void {
  const s = usePlaybackStore.getState();
  if (!s.index || s.playing) return;
  if (s.at >= s.index.timeline.end) seek(s.index.timeline.start);
  usePlaybackStore.setState({ playing: true });
  let last = performance.now();
  const step = (now: number): void => {
    const { playing, at, speed, index } = usePlaybackStore.getState();
    if (!playing || !index) return;
    seek(at + (now - last) * speed);
    last = now;
    if (usePlaybackStore.getState().at >= index.timeline.end) {
      usePlaybackStore.setState({ playing: false });
      return;
    }
    frame = requestAnimationFrame(step);
  };
  frame = requestAnimationFrame(step);
}

export function pause(): void {
  cancelAnimationFrame(frame);
  usePlaybackStore.setState({ playing: false });
}

export function setSpeed(speed: number): void {
  usePlaybackStore.setState({ speed });
}

/** Leaves playback: the canvas shows the flow as it is again. */
export function closePlayback(): void {
  pause();
  usePlaybackStore.setState({ runId: null, index: null, active: false, counts: {}, litHops: [], kinds: {} });
}
