import { beforeEach, describe, expect, it } from 'vitest';
import { emptyFlow } from './flow-convert';
import { NEVER, nodeChangesCapture } from './flow-history';
import { useFlowStore } from './flow-store';

const store = (): ReturnType<typeof useFlowStore.getState> => useFlowStore.getState();
const positions = (): Array<[string, number, number]> =>
  store().nodes.map((n) => [n.id, n.position.x, n.position.y]);
/** Lets the current task end, as between two user actions. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('flow store history', () => {
  beforeEach(() => store().load(emptyFlow(), null));

  it('undoes and redoes adds and connections, and knows when it is back at the saved state', async () => {
    const a = store().addNode('producer', { x: 0, y: 0 });
    await nextTask();
    const b = store().addNode('kafkaTopic', { x: 300, y: 0 });
    await nextTask();
    store().markSaved('/tmp/x.flow.json', store().edits);
    store().connect({ source: a, target: b, sourceHandle: null, targetHandle: null });
    expect(store().dirty).toBe(true);
    store().undo();
    expect(store().edges).toHaveLength(0);
    expect(store().dirty).toBe(false);
    store().undo();
    expect(store().nodes.map((n) => n.id)).toEqual([a]);
    expect(store().dirty).toBe(true);
    store().redo();
    store().redo();
    expect(store().edges).toHaveLength(1);
    expect(store().dirty).toBe(true);
    store().undo();
    expect(store().dirty).toBe(false);
  });

  it('records a drag as one step however many moves it reports', async () => {
    const id = store().addNode('producer', { x: 0, y: 0 });
    await nextTask();
    for (const x of [10, 20, 30]) {
      store().onNodesChange([{ id, type: 'position', position: { x, y: 5 }, dragging: true }]);
      await nextTask();
    }
    store().onNodesChange([{ id, type: 'position', position: { x: 40, y: 5 }, dragging: false }]);
    expect(positions()).toEqual([[id, 40, 5]]);
    store().undo();
    expect(positions()).toEqual([[id, 0, 0]]);
    store().undo();
    expect(store().nodes).toHaveLength(0);
  });

  it('never records selection or measurement, and joins changes made in one task', async () => {
    const a = store().addNode('producer', { x: 0, y: 0 });
    const b = store().addNode('consumer', { x: 0, y: 200 });
    await nextTask();
    store().onNodesChange([{ id: a, type: 'select', selected: true }]);
    store().onNodesChange([{ id: a, type: 'dimensions', dimensions: { width: 10, height: 10 } }]);
    store().commit({ nodes: store().nodes.map((n) => ({ ...n, selected: true })) }, NEVER);
    expect(store().history.past).toHaveLength(1);
    store().undo();
    expect(store().nodes).toHaveLength(0);
    store().redo();
    expect(store().nodes.map((n) => n.id)).toEqual([a, b]);
  });

  it('coalesces typing in one field into one step, a pause or another field starts the next', async () => {
    const id = store().addNode('kafkaTopic', { x: 0, y: 0 });
    await nextTask();
    const config = (): Record<string, unknown> => store().nodes[0].data.config as Record<string, unknown>;
    for (const topic of ['o', 'or', 'ord']) {
      store().updateConfig(id, { ...config(), topic } as never);
      await nextTask();
    }
    store().updateConfig(id, { ...config(), partitions: 6 } as never);
    await nextTask();
    store().undo();
    expect(config()).toMatchObject({ topic: 'ord', partitions: 3 });
    store().undo();
    expect(config().topic).toBe('events');
  });

  it('starts a fresh history when another flow is loaded', async () => {
    store().addNode('producer', { x: 0, y: 0 });
    await nextTask();
    store().load(emptyFlow(), null);
    expect(store().history.past).toHaveLength(0);
    store().undo();
    expect(store().nodes).toHaveLength(0);
    expect(store().dirty).toBe(false);
  });
});

describe('nodeChangesCapture', () => {
  it('keeps a resize one gesture even though it also moves the node', () => {
    const resize = [
      { id: 'a', type: 'dimensions' as const, resizing: true, dimensions: { width: 1, height: 1 } },
      { id: 'a', type: 'position' as const, position: { x: 1, y: 1 } },
    ];
    expect(nodeChangesCapture(resize, false)).toEqual({ mode: 'gesture' });
    expect(nodeChangesCapture(resize, true)).toEqual({ mode: 'gesture' });
    expect(
      nodeChangesCapture(
        [{ id: 'a', type: 'dimensions', resizing: false, dimensions: { width: 1, height: 1 } }],
        true,
      ),
    ).toEqual({ mode: 'gesture-end' });
  });

  it('tells drag ends, keyboard nudges, measurement and removals apart', () => {
    const move = [{ id: 'a', type: 'position' as const, position: { x: 1, y: 1 }, dragging: false }];
    expect(nodeChangesCapture(move, true)).toEqual({ mode: 'gesture-end' });
    expect(nodeChangesCapture(move, false)).toEqual({ mode: 'burst', key: 'nudge' });
    expect(
      nodeChangesCapture([{ id: 'a', type: 'dimensions', dimensions: { width: 1, height: 1 } }], false),
    ).toBe(NEVER);
    expect(nodeChangesCapture([{ id: 'a', type: 'remove' }], false)).toEqual({ mode: 'now' });
  });
});
