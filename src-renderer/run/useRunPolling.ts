import { useEffect, useRef, useState } from 'react';
import { isRunActive, useRunStore } from './run-store';

/**
 * Asks the engine for something now, and again every `everyMs` while a run goes (and once
 * more when a run starts or ends), for panels that show run state the engine does not push.
 * `key` names what is asked for: a new key asks at once; null asks nothing. A failed ask is
 * left to the next one (a lost engine connection shows elsewhere).
 */
export function useRunPolling<T>(key: string | null, ask: () => Promise<T>, everyMs: number): T | null {
  const [value, setValue] = useState<T | null>(null);
  const active = useRunStore((s) => isRunActive(s.state));
  const runId = useRunStore((s) => s.runId);
  // The latest `ask` is read through a ref, so a caller's inline function does not restart the timer.
  const askRef = useRef(ask);
  useEffect(() => {
    askRef.current = ask;
  });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    const load = (): void => {
      askRef
        .current()
        .then((v) => {
          if (live) setValue(v);
        })
        .catch(() => {
          // The next ask tries again.
        });
    };
    load();
    const timer = active ? setInterval(load, everyMs) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [key, active, runId, everyMs]);
  return value;
}
