import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyFlow } from '../canvas/flow-convert';
import { useFlowStore } from '../canvas/flow-store';
import { LINT_DELAY_MS, lintInputChanged, lintableFlow, startLinting, useLintStore } from './lint-store';

afterEach(() => {
  vi.useRealTimers();
  useFlowStore.getState().load(emptyFlow(), null);
});

describe('lint store', () => {
  it('hands the rules kinds, raw configs and connections', () => {
    const store = useFlowStore.getState();
    const a = store.addNode('producer', { x: 0, y: 0 });
    const flow = lintableFlow(useFlowStore.getState());
    expect(flow.nodes).toEqual([{ id: a, kind: 'producer', config: expect.objectContaining({ rate: 10 }) }]);
    expect(flow.edges).toEqual([]);
  });

  it('ignores moves and selection, sees configs and connections', () => {
    const a = useFlowStore.getState().addNode('producer', { x: 0, y: 0 });
    const before = useFlowStore.getState();
    useFlowStore.getState().onNodesChange([{ type: 'position', id: a, position: { x: 50, y: 5 } }]);
    useFlowStore.getState().onNodesChange([{ type: 'select', id: a, selected: false }]);
    expect(lintInputChanged(before, useFlowStore.getState())).toBe(false);
    const node = useFlowStore.getState().nodes[0];
    useFlowStore.getState().updateConfig(a, { ...node.data.config, name: 'renamed' } as never);
    expect(lintInputChanged(before, useFlowStore.getState())).toBe(true);
  });

  it('re-lints a debounce after edits, not on every one', () => {
    vi.useFakeTimers();
    const stop = startLinting();
    expect(useLintStore.getState().findings).toEqual([]);
    const a = useFlowStore.getState().addNode('producer', { x: 0, y: 0 });
    expect(useLintStore.getState().findings).toEqual([]);
    vi.advanceTimersByTime(LINT_DELAY_MS);
    expect(useLintStore.getState().findings.some((f) => f.nodeId === a)).toBe(true);
    stop();
  });
});
