import { describe, expect, it } from 'vitest';
import { BURST_MS, emptyHistory, HISTORY_LIMIT, record, redo, undo, type History } from './history';

const same = (a: number, b: number): boolean => a === b;

/** Applies a sequence of changes to a number "document", returning the final state and history. */
function run(steps: Array<[number, Parameters<typeof record>[2], unknown?, number?]>): {
  state: number;
  h: History<number>;
} {
  let h = emptyHistory<number>();
  let state = 0;
  steps.forEach(([next, capture, task, at], i) => {
    h = record(h, state, capture, task ?? {}, at ?? i * 10_000);
    state = next;
  });
  return { state, h };
}

describe('history', () => {
  it('records each immediate change as one step and undoes and redoes them in order', () => {
    const { state, h } = run([
      [1, { mode: 'now' }],
      [2, { mode: 'now' }],
    ]);
    const u1 = undo(h, state, same);
    expect(u1?.state).toBe(1);
    const u2 = undo(u1!.history, 1, same);
    expect(u2?.state).toBe(0);
    expect(undo(u2!.history, 0, same)).toBeNull();
    const r1 = redo(u2!.history, 0);
    expect(r1?.state).toBe(1);
    expect(redo(r1!.history, 1)?.state).toBe(2);
  });

  it('joins immediate changes made in the same task', () => {
    const task = {};
    const { state, h } = run([
      [1, { mode: 'now' }, task],
      [2, { mode: 'now' }, task],
    ]);
    expect(h.past).toEqual([0]);
    expect(undo(h, state, same)?.state).toBe(0);
  });

  it('records a gesture as one step when it ends', () => {
    const { state, h } = run([
      [1, { mode: 'gesture' }],
      [2, { mode: 'gesture' }],
      [3, { mode: 'gesture' }],
      [4, { mode: 'gesture-end' }],
    ]);
    expect(h.past).toEqual([0]);
    expect(undo(h, state, same)?.state).toBe(0);
  });

  it('closes a gesture still open when undo is pressed', () => {
    const { state, h } = run([[5, { mode: 'gesture' }]]);
    expect(undo(h, state, same)?.state).toBe(0);
  });

  it('coalesces a typing burst per key and splits it after a pause or on another key', () => {
    const { state, h } = run([
      [1, { mode: 'burst', key: 'a' }, {}, 0],
      [2, { mode: 'burst', key: 'a' }, {}, BURST_MS - 100],
      [3, { mode: 'burst', key: 'a' }, {}, 2 * BURST_MS - 200],
      [4, { mode: 'burst', key: 'b' }, {}, 2 * BURST_MS],
      [5, { mode: 'burst', key: 'b' }, {}, 4 * BURST_MS],
    ]);
    expect(h.past).toEqual([0, 3, 4]);
    expect(undo(h, state, same)?.state).toBe(4);
  });

  it('never records view changes, and skips steps that changed nothing', () => {
    const { state, h } = run([
      [1, { mode: 'now' }],
      [1, { mode: 'never' }],
      [1, { mode: 'gesture' }],
      [1, { mode: 'gesture-end' }],
    ]);
    expect(h.past).toEqual([0, 1]);
    expect(undo(h, state, same)?.state).toBe(0);
  });

  it('drops the redo stack on a new edit and after undo starts a fresh burst', () => {
    let { state, h } = run([
      [1, { mode: 'burst', key: 'a' }, {}, 0],
      [2, { mode: 'now' }, {}, 10],
    ]);
    const u = undo(h, state, same)!;
    h = record(u.history, u.state, { mode: 'burst', key: 'a' }, {}, 20);
    state = 9;
    expect(h.future).toEqual([]);
    expect(h.past).toEqual([0, 1]);
    expect(undo(h, state, same)?.state).toBe(1);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < HISTORY_LIMIT + 50; i += 1) h = record(h, i, { mode: 'now' }, {}, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(50);
  });
});
