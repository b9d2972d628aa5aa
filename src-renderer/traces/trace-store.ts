import { create } from 'zustand';
import type { TraceEvent } from '@shared/trace/events';
import { api, errorText } from '../app/api-holder';
import { useRunPanelStore } from '../run/run-panel-store';

export type TraceView = 'waterfall' | 'sequence';

interface TraceState {
  traceId: string | null;
  events: TraceEvent[];
  loading: boolean;
  error: string | null;
  view: TraceView;
  /** Whether the trace's path is drawn on the canvas. */
  showOnCanvas: boolean;
  setView(view: TraceView): void;
  setShowOnCanvas(show: boolean): void;
}

/** The trace the Trace tab shows (view state only; never part of the flow or its undo). */
export const useTraceStore = create<TraceState>()((set) => ({
  traceId: null,
  events: [],
  loading: false,
  error: null,
  view: 'waterfall',
  showOnCanvas: true,
  setView: (view) => set({ view }),
  setShowOnCanvas: (showOnCanvas) => set({ showOnCanvas }),
}));

const TRACE_ID = /^[0-9a-f]{32}$/;

/** Normalises what a user typed or pasted (a traceparent header works too); null when it is no trace id. */
export function parseTraceId(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (TRACE_ID.test(t)) return t;
  const parent = /^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(t);
  return parent ? parent[1] : null;
}

let request = 0;

/** Loads a trace and shows the Trace tab; a later call wins over an earlier one still loading. */
export async function openTrace(traceId: string): Promise<void> {
  const mine = ++request;
  useRunPanelStore.getState().setTab('trace');
  useTraceStore.setState({ traceId, loading: true, error: null });
  try {
    const events = await api()['trace.get']({ traceId });
    if (mine !== request) return;
    useTraceStore.setState({
      events,
      loading: false,
      error: events.length === 0 ? `No recorded spans for trace ${traceId}.` : null,
    });
  } catch (err) {
    if (mine === request) useTraceStore.setState({ events: [], loading: false, error: errorText(err) });
  }
}
