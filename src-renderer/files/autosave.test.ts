import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo, FlowbenchApi } from '@shared/api/contract';
import { setConnectedApi } from '../app/api-holder';
import { emptyFlow } from '../canvas/flow-convert';
import { useFlowStore } from '../canvas/flow-store';
import { AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS, startAutosave, useAutosaveStore } from './autosave';

const calls: Array<{ name: string; input: unknown }> = [];
const fakeApi = {
  'recovery.save': async (input: unknown) => {
    calls.push({ name: 'save', input });
    return { savedAt: 42 };
  },
  'recovery.clear': async () => {
    calls.push({ name: 'clear', input: {} });
    return { cleared: true };
  },
} as unknown as FlowbenchApi;

let stop: () => void;

beforeEach(() => {
  vi.useFakeTimers();
  calls.length = 0;
  setConnectedApi(fakeApi, { mode: 'browser' } as AppInfo);
  useFlowStore.getState().load(emptyFlow(), null);
  stop = startAutosave();
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('autosave', () => {
  it('writes the recovery file a second after the last edit, not on each', async () => {
    useFlowStore.getState().setName('one');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 100);
    useFlowStore.getState().setName('two');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 100);
    expect(calls).toEqual([]);
    expect(useAutosaveStore.getState().phase).toBe('pending');
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toHaveLength(1);
    expect(calls[0].input).toMatchObject({ filePath: null, text: expect.stringContaining('"name": "two"') });
    expect(useAutosaveStore.getState()).toEqual({ phase: 'saved', savedAt: 42 });
  });

  it('saves during a long stream of edits at the latest after the maximum wait', async () => {
    for (let t = 0; t <= AUTOSAVE_MAX_WAIT_MS; t += 500) {
      useFlowStore.getState().setName(`name ${t}`);
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(calls.filter((c) => c.name === 'save').length).toBeGreaterThanOrEqual(1);
  });

  it('clears the recovery file once the flow is saved or replaced', async () => {
    useFlowStore.getState().setName('edited');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    const { edits } = useFlowStore.getState();
    useFlowStore.getState().markSaved('/flows/a.flow.json', edits);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.name)).toEqual(['save', 'clear']);
    expect(useAutosaveStore.getState().phase).toBe('idle');
  });

  it('drops a pending write when the flow is saved first', async () => {
    useFlowStore.getState().setName('edited');
    useFlowStore.getState().markSaved('/flows/a.flow.json', useFlowStore.getState().edits);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(calls.map((c) => c.name)).toEqual(['clear']);
  });
});
