import { create } from 'zustand';

const KEY = 'flowbench.snapToGrid';

/** Grid step of snap to grid, in flow pixels. */
export const GRID = 16;

interface EditorPrefs {
  snapToGrid: boolean;
  toggleSnap(): void;
}

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

/** Editing preferences kept across sessions (not part of any flow, never undone). */
export const useEditorPrefs = create<EditorPrefs>()((set, get) => ({
  snapToGrid: stored(),
  toggleSnap: () => {
    const snapToGrid = !get().snapToGrid;
    set({ snapToGrid });
    try {
      localStorage.setItem(KEY, snapToGrid ? '1' : '0');
    } catch {
      // Storage may be unavailable (private mode); the toggle still works for this session.
    }
  },
}));
