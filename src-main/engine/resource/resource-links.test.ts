import { describe, expect, it } from 'vitest';
import { itemHref, itemLinks, lastLinks, linkHeader, pageHref, pageLinks } from './resource-links';

describe('resource links', () => {
  it('links an item to itself and its collection, encoding the id', () => {
    expect(itemLinks('/v1/orders', 42)).toEqual({
      self: { href: '/v1/orders/42' },
      collection: { href: '/v1/orders' },
    });
    expect(itemHref('/v1/users/7/orders', 'a b/c')).toBe('/v1/users/7/orders/a%20b%2Fc');
  });

  it('links a page to itself, the next page and each item', () => {
    expect(pageLinks('/v1/orders', 2, null, 'abc', [1, 2])).toEqual({
      self: { href: '/v1/orders?limit=2' },
      next: { href: '/v1/orders?limit=2&cursor=abc' },
      item: [{ href: '/v1/orders/1' }, { href: '/v1/orders/2' }],
    });
  });

  it('has no next link on the last page, and no Link header then', () => {
    const links = pageLinks('/v1/orders', 2, 'abc', null, [5]);
    expect(links).not.toHaveProperty('next');
    expect(links.self.href).toBe(pageHref('/v1/orders', 2, 'abc'));
    expect(linkHeader(links.next?.href)).toEqual({});
    expect(linkHeader('/v1/orders?limit=2&cursor=x')).toEqual({
      link: '</v1/orders?limit=2&cursor=x>; rel="next"',
    });
  });

  it('links a last-N list to itself and its items', () => {
    expect(lastLinks('/v1/users/7/orders', 5, [3, 4])).toEqual({
      self: { href: '/v1/users/7/orders?last=5' },
      item: [{ href: '/v1/users/7/orders/3' }, { href: '/v1/users/7/orders/4' }],
    });
  });
});
