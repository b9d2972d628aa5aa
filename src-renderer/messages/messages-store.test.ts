import { describe, expect, it } from 'vitest';
import type { MessageRow } from '@shared/api/contract';
import { mergeFirstPage } from './messages-store';

const row = (id: number): MessageRow => ({
  id,
  runId: 'r',
  ts: id,
  nodeId: 'n',
  transport: 'embedded',
  destination: 'd',
  key: null,
  partition: null,
  size: 1,
  traceId: 't',
});
const ids = (rows: MessageRow[]): number[] => rows.map((r) => r.id);

describe('mergeFirstPage', () => {
  it('takes a short page as the whole list', () => {
    expect(mergeFirstPage([row(2), row(1)], [row(3), row(2), row(1)], 5)).toEqual({
      rows: [row(3), row(2), row(1)],
      reachedEnd: true,
    });
  });

  it('keeps older loaded rows when the page overlaps them', () => {
    const loaded = [row(6), row(5), row(4), row(3), row(2), row(1)];
    const merged = mergeFirstPage(loaded, [row(8), row(7), row(6)], 3);
    expect(ids(merged.rows)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(merged.reachedEnd).toBeNull();
  });

  it('restarts from the page when more arrived than a page holds', () => {
    const merged = mergeFirstPage([row(2), row(1)], [row(9), row(8), row(7)], 3);
    expect(ids(merged.rows)).toEqual([9, 8, 7]);
    expect(merged.reachedEnd).toBe(false);
  });
});
