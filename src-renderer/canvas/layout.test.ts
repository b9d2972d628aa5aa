import { describe, expect, it } from 'vitest';
import type { Box } from './align';
import { fromElkGraph, layoutBoxes, toElkGraph } from './layout';

const box = (id: string, x: number, y: number): Box => ({ id, x, y, w: 240, h: 90 });

describe('layout mapping', () => {
  it('keeps only the edges between laid-out nodes', () => {
    const graph = toElkGraph(
      [box('a', 0, 0), box('b', 0, 0)],
      [
        { id: 'ab', source: 'a', target: 'b' },
        { id: 'ax', source: 'a', target: 'x' },
        { id: 'aa', source: 'a', target: 'a' },
      ],
    );
    expect(graph.children).toEqual([
      { id: 'a', width: 240, height: 90 },
      { id: 'b', width: 240, height: 90 },
    ]);
    expect(graph.edges).toEqual([{ id: 'ab', sources: ['a'], targets: ['b'] }]);
    expect(graph.layoutOptions?.['elk.direction']).toBe('RIGHT');
  });

  it('moves the result to the top-left corner the nodes had', () => {
    const moves = fromElkGraph(
      {
        id: 'root',
        children: [
          { id: 'a', x: 12, y: 12 },
          { id: 'b', x: 400, y: 60 },
        ],
      },
      [box('a', 500, 300), box('b', 100, 200)],
    );
    expect(Object.fromEntries(moves)).toEqual({ a: { x: 100, y: 200 }, b: { x: 488, y: 248 } });
  });
});

describe('layoutBoxes (elkjs)', () => {
  it('puts a chain left to right, x strictly increasing along every edge', async () => {
    const ids = ['p', 'q', 't', 'c', 's'];
    const boxes = ids.map((id, i) => box(id, (i * 137) % 300, (i * 211) % 500));
    const edges = [
      { id: '1', source: 'p', target: 't' },
      { id: '2', source: 'q', target: 't' },
      { id: '3', source: 't', target: 'c' },
      { id: '4', source: 'c', target: 's' },
    ];
    const moves = await layoutBoxes(boxes, edges);
    expect(moves.size).toBe(5);
    for (const e of edges) expect(moves.get(e.target)!.x).toBeGreaterThan(moves.get(e.source)!.x + 240);
  });
});
