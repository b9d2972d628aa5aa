import { create } from 'zustand';
import type { FlowEdge } from '@shared/flow/document';
import { lintFlow, type LintableFlow, type LintFinding } from '@shared/flow/lint/lint-flow';
import type { NodeKind } from '@shared/flow/node-kinds';
import { useFlowStore, type FlowState } from '../canvas/flow-store';

/** Waits this long after the last edit before linting again. */
export const LINT_DELAY_MS = 150;

interface LintState {
  findings: LintFinding[];
  /** Whether the validation panel is expanded. */
  panelOpen: boolean;
  setPanelOpen(open: boolean): void;
}

/** The design findings of the flow being edited, for the validation panel and its badge. */
export const useLintStore = create<LintState>()((set) => ({
  findings: [],
  panelOpen: true,
  setPanelOpen: (panelOpen) => set({ panelOpen }),
}));

/** The flow as the lint rules read it: kinds, raw configs (possibly invalid), connections. */
export function lintableFlow(s: Pick<FlowState, 'nodes' | 'edges'>): LintableFlow {
  return {
    nodes: s.nodes.map((n) => ({
      id: n.id,
      kind: n.type as NodeKind,
      config: (n.data?.config ?? {}) as Record<string, unknown>,
    })),
    edges: s.edges.map((e): FlowEdge => ({
      id: e.id,
      source: e.source,
      target: e.target,
      sourceHandle: e.sourceHandle ?? null,
      targetHandle: e.targetHandle ?? null,
      // Binding and policy settings (edge inspector): rules check them too.
      ...(e.data?.config ? { config: e.data.config } : {}),
    })),
  };
}

/**
 * True when two states differ in anything a rule can see. Dragging or selecting replaces
 * node objects but keeps their `data`, so those changes do not re-lint.
 */
export function lintInputChanged(
  a: Pick<FlowState, 'nodes' | 'edges'>,
  b: Pick<FlowState, 'nodes' | 'edges'>,
): boolean {
  if (a.nodes !== b.nodes) {
    if (a.nodes.length !== b.nodes.length) return true;
    for (let i = 0; i < a.nodes.length; i += 1) {
      const x = a.nodes[i];
      const y = b.nodes[i];
      if (x.id !== y.id || x.type !== y.type || x.data !== y.data) return true;
    }
  }
  if (a.edges !== b.edges) {
    if (a.edges.length !== b.edges.length) return true;
    for (let i = 0; i < a.edges.length; i += 1) {
      const x = a.edges[i];
      const y = b.edges[i];
      if (
        x.id !== y.id ||
        x.source !== y.source ||
        x.target !== y.target ||
        x.sourceHandle !== y.sourceHandle ||
        x.targetHandle !== y.targetHandle ||
        x.data !== y.data
      )
        return true;
    }
  }
  return false;
}

function runLint(): void {
  let findings: LintFinding[];
  try {
    findings = lintFlow(lintableFlow(useFlowStore.getState()));
  } catch (err) {
    // A rule that breaks on a half-typed config must not take the editor down with it.
    findings = [{ rule: 'lint-failed', severity: 'info', message: `Validation stopped: ${String(err)}` }];
  }
  useLintStore.setState({ findings });
}

/**
 * Lints the flow now and then after every change a rule can see, debounced, outside
 * React's render (the panel only reads the result). Returns a stop function.
 */
export function startLinting(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  runLint();
  const unsubscribe = useFlowStore.subscribe((s, prev) => {
    if (!lintInputChanged(s, prev)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(runLint, LINT_DELAY_MS);
  });
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}
