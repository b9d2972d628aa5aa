import { useCallback, useState, type KeyboardEvent, type PointerEvent } from 'react';

const KEY = 'flowbench.messagesHeight';

function initial(fallback: number): number {
  try {
    const saved = Number(localStorage.getItem(KEY));
    return Number.isFinite(saved) && saved > 0 ? saved : fallback;
  } catch {
    return fallback;
  }
}

/**
 * The height of a bottom panel that the user drags (or moves with the arrow keys) from
 * its top edge; remembered across starts.
 */
export function useResizableHeight(
  fallback: number,
  min: number,
  maxShare: number,
): {
  height: number;
  onPointerDown(e: PointerEvent): void;
  onKeyDown(e: KeyboardEvent): void;
} {
  const [height, setHeight] = useState(() => initial(fallback));
  const clamp = useCallback(
    (h: number) => Math.round(Math.min(Math.max(h, min), window.innerHeight * maxShare)),
    [min, maxShare],
  );
  const commit = useCallback(
    (h: number) => {
      const next = clamp(h);
      setHeight(next);
      try {
        localStorage.setItem(KEY, String(next));
      } catch {
        // Not remembering the height is fine.
      }
    },
    [clamp],
  );

  const onPointerDown = useCallback(
    (e: PointerEvent) => {
      e.preventDefault();
      const startY = e.clientY;
      const startH = height;
      const move = (ev: globalThis.PointerEvent): void => commit(startH + (startY - ev.clientY));
      const up = (): void => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
    },
    [height, commit],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.key === 'ArrowUp') commit(height + 24);
      else if (e.key === 'ArrowDown') commit(height - 24);
      else return;
      e.preventDefault();
    },
    [height, commit],
  );

  return { height, onPointerDown, onKeyDown };
}
