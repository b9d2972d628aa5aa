import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useNodeNames } from '../canvas/useNodeNames';
import { formatMs } from '../run/run-format';
import { closePlayback, pause, play, seek, setSpeed, usePlaybackStore } from './playback-store';
import { PLAYBACK_SPEEDS, playbackBadge } from './playback-text';

/** Scrubs through a finished run on the canvas: slider, play/pause, speed, counts per node. */
export function PlaybackBar(): ReactElement | null {
  const s = usePlaybackStore(
    useShallow((x) => ({
      runId: x.runId,
      index: x.index,
      at: x.at,
      playing: x.playing,
      speed: x.speed,
      error: x.error,
      kinds: x.kinds,
    })),
  );
  const names = useNodeNames();
  if (!s.runId) return null;
  if (s.error)
    return (
      <p role="alert" className="fb-error-text">
        {s.error}
      </p>
    );
  if (!s.index) return <p className="fb-muted">Loading the run…</p>;
  const t = s.index.timeline;
  const rows = Object.entries(s.kinds)
    .map(([id, k]) => [names[id] ?? id, playbackBadge(k)] as const)
    .filter(([, text]) => text);
  return (
    <div className="fb-playback" aria-label="Run playback">
      <div className="fb-playback__controls">
        <button type="button" className="fb-btn" onClick={() => (s.playing ? pause() : play())}>
          {s.playing ? 'Pause' : 'Play'}
        </button>
        <select
          aria-label="Playback speed"
          value={s.speed}
          onChange={(e) => setSpeed(Number(e.target.value))}
        >
          {PLAYBACK_SPEEDS.map((x) => (
            <option key={x} value={x}>
              {x}x
            </option>
          ))}
        </select>
        <input
          type="range"
          aria-label="Playback position"
          min={t.start}
          max={t.end}
          step={Math.max(1, t.bucketMs / 4)}
          value={s.at}
          onChange={(e) => {
            pause();
            seek(Number(e.target.value));
          }}
        />
        <span className="fb-playback__time" data-testid="playback-time">
          {formatMs(s.at - t.start)} / {formatMs(t.end - t.start)}
        </span>
        <button type="button" className="fb-btn" onClick={closePlayback}>
          Close playback
        </button>
      </div>
      <ul className="fb-playback__counts" aria-label="Counts at this moment" data-testid="playback-counts">
        {rows.map(([name, text]) => (
          <li key={name}>
            <strong>{name}</strong> {text}
          </li>
        ))}
      </ul>
    </div>
  );
}
