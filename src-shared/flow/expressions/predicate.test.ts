import { describe, expect, it } from 'vitest';
import { ExpressionError } from './expression-error';
import type { MessageView } from './json-path';
import { compilePredicate } from './predicate';

const order = {
  type: 'order',
  total: 120.5,
  qty: 3,
  status: null,
  sku: 'AB-12',
  tags: ['vip', 'eu'],
  customer: { id: 'c-9', email: 'ada@example.com' },
  lines: [{ sku: 'a', price: 10 }],
};
const view: MessageView = { key: 'vip-42', headers: { region: 'eu', 'x-retry': '2' }, json: () => order };
const holds = (src: string): boolean => compilePredicate(src).test(view);

describe('compilePredicate', () => {
  it.each([
    ['$.type == "order"', true],
    ["$.type == 'order'", true],
    ['payload.type == "order"', true],
    ['$.type != "order"', false],
    ['$.missing != "x"', true],
    ['$.qty == "3"', false],
    ['$.qty == 3', true],
    ['$.total > 100', true],
    ['$.total >= 120.5', true],
    ['$.total < 120.5', false],
    ['$.total <= 120.5', true],
    ['$.qty > -1', true],
    ['$.qty < 1e3', true],
    ['$.sku > "AB-11"', true],
    ['$.sku < 5', false],
    ['$.missing > 0', false],
    ['$.missing <= 0', false],
    ['$.status == null', true],
    ['$.status exists', true],
    ['$.nothing exists', false],
    ['$.customer.email exists', true],
    ['$.lines[0].price == 10', true],
    ['$.lines[-1].sku == "a"', true],
    ['$.tags[1] in ["us", "eu"]', true],
    ['$.qty in [1, 2]', false],
    ['$.qty in [3]', true],
    ['$.status in [null, "x"]', true],
    ['$.type in []', false],
    ['$.customer.email matches /@example\\.com$/', true],
    ['$.customer.email matches /ADA/i', true],
    ['$.customer.email matches /ADA/', false],
    ['$.sku matches "^[A-Z]{2}-\\\\d+$"', true],
    ['$.qty matches /3/', false],
    ['key matches /^vip-/', true],
    ['key == "vip-42"', true],
    ['headers.region == "eu"', true],
    ['headers["x-retry"] == "2"', true],
    ['headers.none exists', false],
    ['$.total > 100 && headers.region == "eu"', true],
    ['$.total > 100 and $.qty > 5', false],
    ['$.qty > 5 || $.type == "order"', true],
    ['$.qty > 5 or $.qty < 0', false],
    ['!($.type == "order")', false],
    ['not $.qty > 5', true],
    ['!$.nothing', true],
    ['$.qty > 5 || $.qty > 2 && $.type == "x"', false],
    ['($.qty > 5 || $.qty > 2) && $.type == "order"', true],
    ['$.customer', true],
    ['$.status', false],
    ['true', true],
    ['$.total>100&&$.qty==3', true],
  ])('%s → %s', (src, expected) => {
    expect(holds(src)).toBe(expected);
  });

  it('compares objects by content', () => {
    expect(holds('$.customer == $.customer')).toBe(true);
    expect(holds('$.tags != $.lines')).toBe(true);
  });

  it.each([
    ['', 0, 'the predicate is empty'],
    ['$.total >', 9, 'expected a path or a value'],
    ['$.total 100', 8, 'expected ==, !=, <, <=, >, >=, exists, matches or in'],
    ['total > 100', 0, 'unknown name "total"'],
    ['$.type == "order', 10, 'this string is never closed'],
    ['$.tags == ["vip"]', 10, 'expected a path such as $.field'],
    ['($.qty > 1', 10, 'expected ")" to close "("'],
    ['$.qty in [1, 2', 14, 'expected "," or "]"'],
    ['$.qty in 1', 9, 'expected "[" to start the list'],
    ['$.qty in [$.a]', 10, 'not a path'],
    ['$.sku matches /[/', 14, 'bad regex'],
    ['$.sku matches /abc', 14, 'this /regex/ is never closed'],
    ['$.sku matches /a/g', 17, 'flags may be i, m, s and u'],
    ['$.sku matches 5', 14, 'expected a /regex/ or a quoted pattern'],
    ['$.a == 1 $.b == 2', 9, 'expected && , || or the end'],
    ['$.a.[0] == 1', 4, 'expected a field name after "."'],
  ])('%j fails at character %i', (src, position, reason) => {
    let error: unknown;
    try {
      compilePredicate(src);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as ExpressionError).reason).toContain(reason);
    expect((error as ExpressionError).position).toBe(position);
  });

  it('says whether it reads the payload', () => {
    expect(compilePredicate('key == "a" && headers.x exists').readsPayload).toBe(false);
    expect(compilePredicate('key == "a" || payload.x exists').readsPayload).toBe(true);
  });

  it('reads key and headers without asking for the payload', () => {
    const noPayload: MessageView = {
      key: 'k',
      headers: { h: '1' },
      json: () => {
        throw new Error('the payload is not JSON');
      },
    };
    expect(compilePredicate('headers.h == "1" && key == "k"').test(noPayload)).toBe(true);
    expect(() => compilePredicate('$.a == 1').test(noPayload)).toThrow('the payload is not JSON');
  });
});
