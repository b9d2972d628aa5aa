import type { FlowDocument } from '@shared/flow/document';
import type { Store } from '../../store/store';

/** The flow document each recorded run ran, parsed once per run; null when absent or unreadable. */
export function flowLookup(store: Store): (runId: string) => FlowDocument | null {
  const cache = new Map<string, FlowDocument | null>();
  return (runId) => {
    if (!cache.has(runId)) {
      let flow: FlowDocument | null = null;
      try {
        const text = store.getRunFlow(runId);
        const value: unknown = text ? JSON.parse(text) : null;
        if (value && typeof value === 'object' && Array.isArray((value as FlowDocument).nodes))
          flow = value as FlowDocument;
      } catch {
        flow = null;
      }
      cache.set(runId, flow);
    }
    return cache.get(runId) ?? null;
  };
}
