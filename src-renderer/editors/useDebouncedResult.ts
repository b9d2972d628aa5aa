import { useEffect, useRef, useState } from 'react';

/** Waits this long after the last keystroke before asking the engine. */
export const EDITOR_CHECK_DELAY_MS = 300;

/**
 * Runs `load(input)` a moment after `input` stops changing (at once the first time) and
 * returns its latest result. A result for an older input is never shown for a newer one
 * as current: `stale` says the text changed since. `load` must be a module-level function.
 */
export function useDebouncedResult<I, R>(
  input: I,
  key: string,
  load: (input: I) => Promise<R>,
): { result: R | null; stale: boolean } {
  const [state, setState] = useState<{ key: string; result: R } | null>(null);
  const loadedOnce = useRef(false);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => {
        void load(input).then((result) => {
          loadedOnce.current = true;
          if (live) setState({ key, result });
        });
      },
      loadedOnce.current ? EDITOR_CHECK_DELAY_MS : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` identifies `input`; `load` is module-level and never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return { result: state?.result ?? null, stale: state?.key !== key };
}
