import { create } from 'zustand';

export interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'error';
  /** Viewport point the notice is shown next to (e.g. where a connection was dropped). */
  at?: { x: number; y: number };
}

interface NoticeState {
  notices: Notice[];
  dismiss(id: number): void;
}

export const useNoticeStore = create<NoticeState>()((set) => ({
  notices: [],
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

let nextId = 1;

/** Shows a short notice that goes away by itself after a few seconds. */
export function showNotice(
  text: string,
  options: { tone?: Notice['tone']; at?: Notice['at']; ms?: number } = {},
): void {
  const notice: Notice = { id: nextId++, text, tone: options.tone ?? 'info', at: options.at };
  useNoticeStore.setState((s) => ({ notices: [...s.notices.slice(-4), notice] }));
  setTimeout(() => useNoticeStore.getState().dismiss(notice.id), options.ms ?? 4000);
}
