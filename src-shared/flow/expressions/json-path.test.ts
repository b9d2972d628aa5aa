import { describe, expect, it } from 'vitest';
import { ExpressionError } from './expression-error';
import { parsePath, readPath, writePath, type MessageView } from './json-path';

const view = (json: unknown, extra: Partial<MessageView> = {}): MessageView => ({
  headers: { region: 'eu', 'x-tenant': 'acme' },
  key: 'k-1',
  json: () => json,
  ...extra,
});

const order = { id: 7, customer: { name: 'Ada', tags: ['vip', 'eu'] }, items: [{ sku: 'a' }, { sku: 'b' }] };

describe('parsePath / readPath', () => {
  it.each([
    ['$', order],
    ['$.id', 7],
    ['payload.id', 7],
    ['$.customer.name', 'Ada'],
    ['$.items[0].sku', 'a'],
    ['$.items[-1].sku', 'b'],
    ['$.customer.tags[1]', 'eu'],
    ['$["customer"]["name"]', 'Ada'],
    ["$.customer['tags'][0]", 'vip'],
    ['key', 'k-1'],
    ['headers.region', 'eu'],
    ['headers["x-tenant"]', 'acme'],
    ['headers.missing', undefined],
    ['$.items[5].sku', undefined],
    ['$.id.nope', undefined],
    ['$.items.sku', undefined],
    ['$.customer[0]', undefined],
  ])('%s reads %j', (text, expected) => {
    expect(readPath(parsePath(text), view(order))).toEqual(expected);
  });

  it('never walks into prototypes', () => {
    for (const text of ['$.__proto__', '$.constructor', '$.toString', '$.items.length']) {
      expect(readPath(parsePath(text), view(order))).toBeUndefined();
    }
  });

  it.each([
    ['$.a.', 4, 'expected a field name after "."'],
    ['$.a[', 4, 'expected an index or a quoted name'],
    ['$.a[x]', 4, 'expected an index or a quoted name'],
    ['$.a[0', 5, 'expected "]"'],
    ['$.a["b]', 4, 'this string is never closed'],
    ['order.id', 0, 'unknown name "order": a path starts with $, payload, key or headers'],
    ['$.a b', 4, 'expected the end of the path'],
    ['key.x', 0, 'key is text: it has no fields'],
    ['headers[0]', 0, 'headers are named, not numbered'],
    ['', 0, 'expected a path such as $.field'],
  ])('%j fails at character %i', (text, position, reason) => {
    let error: unknown;
    try {
      parsePath(text);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as ExpressionError).position).toBe(position);
    expect((error as ExpressionError).reason).toContain(reason);
    expect((error as Error).message).toContain(`at character ${position + 1}`);
  });
});

describe('writePath', () => {
  it('sets a value in a copy, creating objects on the way', () => {
    const copy = writePath(parsePath('$.customer.address.city'), order, 'Paris');
    expect(copy).toMatchObject({ id: 7, customer: { name: 'Ada', address: { city: 'Paris' } } });
    expect(order.customer).not.toHaveProperty('address');
    expect(writePath(parsePath('$.items[1].qty'), order, 2)).toMatchObject({
      items: [{ sku: 'a' }, { sku: 'b', qty: 2 }],
    });
    expect(writePath(parsePath('$.extra'), undefined, 1)).toEqual({ extra: 1 });
  });

  it('stores "__proto__" as a plain field, never as a prototype', () => {
    const copy = writePath(parsePath('$["__proto__"]'), {}, { polluted: true }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says which step is in the way', () => {
    expect(() => writePath(parsePath('$.id.x'), order, 1)).toThrow(
      'cannot write $.id.x: $.id is a number, not an object',
    );
    expect(() => writePath(parsePath('$.items[9]'), order, 1)).toThrow('$.items has no item 9');
    expect(() => writePath(parsePath('$.customer[0]'), order, 1)).toThrow('$.customer is not an array');
    expect(() => writePath(parsePath('key'), order, 1)).toThrow('can only write into the payload');
  });
});
