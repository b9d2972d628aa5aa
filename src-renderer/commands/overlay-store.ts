import { create } from 'zustand';

type Point = { x: number; y: number };

/** What a context menu was opened on. */
export type ContextTarget = 'node' | 'selection' | 'edge' | 'pane';

/** The one editing overlay open at a time (they all take the keyboard, so never two). */
export type Overlay =
  | { kind: 'find' }
  | { kind: 'shortcuts' }
  | { kind: 'align-menu'; screen: Point }
  | { kind: 'quick-add'; screen: Point; flow: Point }
  | { kind: 'context-menu'; target: ContextTarget; screen: Point; flow: Point };

interface OverlayState {
  overlay: Overlay | null;
  open(overlay: Overlay): void;
  close(): void;
}

/** Which of find, shortcuts, quick-add, align menu or a context menu is open. */
export const useOverlayStore = create<OverlayState>()((set) => ({
  overlay: null,
  open: (overlay) => set({ overlay }),
  close: () => set({ overlay: null }),
}));

/** Opens an overlay from outside React (commands). */
export function openOverlay(overlay: Overlay): void {
  useOverlayStore.getState().open(overlay);
}
