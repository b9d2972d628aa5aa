import { describe, expect, it } from 'vitest';
import { activeFieldCount, draftToFilter, EMPTY_DRAFT, filterToDraft } from './filter-draft';

describe('filter bar draft', () => {
  it('combines every field into one filter', () => {
    const res = draftToFilter({
      ...EMPTY_DRAFT,
      runId: 'r1',
      nodes: 'a, b',
      transports: ['kafka'],
      destination: 'orders',
      partition: '3',
      key: 'k',
      headerName: 'tenant',
      headerValue: 't1',
      statuses: ['dead-lettered'],
      from: '2026-01-02T03:04:05',
      to: '2026-01-02T04:00:00',
      text: 'parcel*',
      json: '$.customer.id = 42 && $.total >= 9.5',
    });
    expect('filter' in res && res.filter).toMatchObject({
      runId: 'r1',
      nodeIds: ['a', 'b'],
      transports: ['kafka'],
      destination: 'orders',
      partition: 3,
      key: 'k',
      header: { name: 'tenant', value: 't1' },
      statuses: ['dead-lettered'],
      text: 'parcel*',
      json: [
        { path: '$.customer.id', op: '=', value: 42 },
        { path: '$.total', op: '>=', value: 9.5 },
      ],
    });
    if ('filter' in res) {
      expect(activeFieldCount(res.filter)).toBe(12);
      // A saved filter restores to the same fields.
      expect(draftToFilter(filterToDraft(res.filter))).toEqual(res);
    }
  });

  it('names the field that is wrong, with the predicate error inline', () => {
    const res = draftToFilter({ ...EMPTY_DRAFT, json: '$.customer.id 42', partition: '-1' });
    expect(res).toEqual({
      errors: {
        json: expect.stringMatching(/expected <path> <op> <value>/),
        partition: 'a partition is a whole number, 0 or more',
      },
    });
    const bad = draftToFilter({ ...EMPTY_DRAFT, json: '$.customer..id = 1' });
    expect('errors' in bad && bad.errors.json).toMatch(/bad path "\$\.customer\.\.id"/);
    const order = draftToFilter({ ...EMPTY_DRAFT, from: '2026-01-02T05:00', to: '2026-01-02T04:00' });
    expect('errors' in order && order.errors.to).toBe('"to" must be after "from"');
  });

  it('an empty bar is the empty filter (everything)', () => {
    expect(draftToFilter(EMPTY_DRAFT)).toEqual({ filter: {} });
  });
});
