import { create } from 'zustand';
import { useFlowStore } from '../canvas/flow-store';

/** The explanation of the template the current flow was made from. */
export interface ShownExplanation {
  templateId: string;
  name: string;
  markdown: string;
  /** Why the guided chooser recommended this pattern, when it did. */
  reasoning?: string[];
}

interface ExplanationState {
  shown: ShownExplanation | null;
  /** Whether the panel is expanded (closed, it leaves a button to reopen it). */
  open: boolean;
  /** The flow store's `revision` the explanation belongs to. */
  revision: number;
  show(explanation: ShownExplanation): void;
  setOpen(open: boolean): void;
}

/**
 * The pattern explanation beside a flow opened from a template. It belongs to that flow:
 * loading any other flow (New, Open, another template) takes it away.
 */
export const useExplanationStore = create<ExplanationState>()((set) => ({
  shown: null,
  open: false,
  revision: -1,
  show: (shown) => set({ shown, open: true, revision: useFlowStore.getState().revision }),
  setOpen: (open) => set({ open }),
}));

useFlowStore.subscribe((s, prev) => {
  if (s.revision === prev.revision) return;
  if (s.revision !== useExplanationStore.getState().revision) {
    useExplanationStore.setState({ shown: null, open: false, revision: -1 });
  }
});
