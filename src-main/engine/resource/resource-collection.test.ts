import { describe, expect, it } from 'vitest';
import { ResourceCollection, ResourceConflict, ResourceInvalid } from './resource-collection';
import { collectionFor } from './resource-handlers';

describe('resource collection', () => {
  it('numbers new items after the highest seeded id and refuses a taken id', () => {
    const c = new ResourceCollection('orders', 'id', []);
    c.seed([{ id: 7, total: 1 }]);
    expect(c.create({}, { total: 2 })).toEqual({ id: 8, total: 2 });
    expect(() => c.create({}, { id: 7 })).toThrow(ResourceConflict);
    expect(() => c.create({}, { id: '8' })).toThrow('orders 8 already exists');
  });

  it('replaces and merges without changing the id, and deletes once', () => {
    const c = new ResourceCollection('orders', 'id', []);
    c.create({}, { id: 1, total: 5, status: 'new' });
    expect(c.update({}, '1', { status: 'paid', id: 99 })).toEqual({ id: 1, total: 5, status: 'paid' });
    expect(c.replace({}, '1', { total: 6 })).toEqual({ id: 1, total: 6 });
    expect(c.remove({}, '1')).toBe(true);
    expect(c.remove({}, '1')).toBe(false);
    expect(c.get({}, '1')).toBeUndefined();
  });

  it('keeps scopes apart and fills the scope field from the path', () => {
    const c = collectionFor({ path: '/v1/users/:userId/orders', idField: 'id', pageSize: 10, seed: '[]' });
    expect(c.name).toBe('orders');
    c.seed([
      { id: 1, userId: 123 },
      { id: 2, userId: 5 },
    ]);
    expect(c.create({ userId: '123' }, { total: 3 })).toEqual({ id: 3, total: 3, userId: 123 });
    expect(c.last({ userId: '123' }, 5).map((i) => i.id)).toEqual([1, 3]);
    expect(c.get({ userId: '5' }, '3')).toBeUndefined();
    expect(() => c.create({ userId: '5' }, { userId: 6 })).toThrow(ResourceInvalid);
  });

  it('stores copies: changing what it returned changes nothing', () => {
    const c = new ResourceCollection('orders', 'id', []);
    const item = c.create({}, { id: 1, _links: { self: { href: 'x' } } });
    expect(item).toEqual({ id: 1 });
    item.total = 100;
    expect(c.get({}, '1')).toEqual({ id: 1 });
  });
});
