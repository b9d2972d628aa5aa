import { useEffect, useState, type ReactElement } from 'react';
import type { EventStoreState, EventStoreStreams } from '@shared/api/event-store-types';
import { api, errorText } from '../app/api-holder';
import { useNodeCounters } from '../run/counters-store';
import { useRunStore } from '../run/run-store';
import { clockTime, pointAt, positionLabel, sliderRange, type TimelineMode } from './timeline-model';
import './event-store.css';

/**
 * The event store's streams in the current (or last) run, with a time slider: pick a stream
 * and drag to see its state rebuilt after any event or at any moment. Refreshes as the run
 * appends; stays readable after Stop.
 */
export function EventStoreTimeline({ id }: { id: string }): ReactElement {
  const runId = useRunStore((s) => s.runId);
  const appended = useNodeCounters(id)?.acked ?? 0;
  const [streams, setStreams] = useState<EventStoreStreams | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [streamId, setStreamId] = useState<string>('');
  const [mode, setMode] = useState<TimelineMode>('events');
  // null follows the latest event as the run appends.
  const [value, setValue] = useState<number | null>(null);
  const [state, setState] = useState<EventStoreState | null>(null);

  useEffect(() => {
    if (!runId) return;
    let live = true;
    const client = api();
    client['eventStore.streams']({ nodeId: id })
      .then((s) => {
        if (!live) return;
        setStreams(s);
        setError(null);
        setStreamId((cur) =>
          cur && s.streams.some((x) => x.streamId === cur) ? cur : (s.streams[0]?.streamId ?? ''),
        );
      })
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [id, runId, appended]);

  const latestVersion = streams?.streams.find((s) => s.streamId === streamId)?.version ?? 0;
  useEffect(() => {
    if (!streamId || latestVersion === 0) return;
    let live = true;
    const point = value === null ? {} : pointAt(mode, value);
    const client = api();
    client['eventStore.state']({ nodeId: id, streamId, ...point })
      .then((s) => live && setState(s))
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [id, streamId, mode, value, latestVersion]);

  if (!runId || (error && !streams))
    return (
      <section className="fb-es" aria-label="Event store timeline">
        <h3 className="fb-es__title">Streams</h3>
        <p className="fb-es__hint">
          Run the flow to fill the store; its streams and a time slider show here.
        </p>
      </section>
    );
  const events = state?.streamId === streamId ? state.events : [];
  const range = sliderRange(mode, events);
  const position = value ?? range.max;
  return (
    <section className="fb-es" aria-label="Event store timeline">
      <h3 className="fb-es__title">
        Streams{' '}
        <span className="fb-es__muted">
          ({streams?.total ?? 0} events on {streams?.topic})
        </span>
      </h3>
      {streams?.projections.map((p) => (
        <div key={p.nodeId} className="fb-es__projection" data-testid="projection-lag">
          read model <code>{p.readModel}</code>: lag {p.lag}, {p.entries} entries
        </div>
      ))}
      {streams && streams.streams.length === 0 ? (
        <p className="fb-es__hint">No events yet.</p>
      ) : (
        <>
          <div className="fb-es__row">
            <select
              className="fb-input fb-es__stream"
              aria-label="Stream"
              value={streamId}
              onChange={(e) => {
                setStreamId(e.target.value);
                setValue(null);
              }}
            >
              {streams?.streams.map((s) => (
                <option key={s.streamId} value={s.streamId}>
                  {s.streamId} (v{s.version})
                </option>
              ))}
            </select>
            <select
              className="fb-input fb-es__mode"
              aria-label="Slide by"
              value={mode}
              onChange={(e) => {
                setMode(e.target.value as TimelineMode);
                setValue(null);
              }}
            >
              <option value="events">by event</option>
              <option value="time">by time</option>
            </select>
          </div>
          <input
            type="range"
            className="fb-es__slider nodrag"
            aria-label="Point in time"
            min={range.min}
            max={range.max}
            step={range.step}
            value={Math.min(Math.max(position, range.min), range.max)}
            onChange={(e) => {
              const v = Number(e.target.value);
              setValue(v >= range.max ? null : v);
            }}
          />
          {state && (
            <>
              <div className="fb-es__position" data-testid="timeline-position">
                {mode === 'time' && value !== null ? `at ${clockTime(value)}, ` : ''}
                {positionLabel(state.version, events)}
                {state.snapshotVersion !== null && ` · from snapshot v${state.snapshotVersion}`}
              </div>
              <pre className="fb-es__state" data-testid="timeline-state">
                {state.state === null ? '(no state yet)' : JSON.stringify(state.state, null, 2)}
              </pre>
            </>
          )}
        </>
      )}
    </section>
  );
}
