/**
 * Hypermedia links of a resource (HAL style `_links`): each item links to itself and to its
 * collection; a list page links to itself, to the next page and to each item. Hrefs are
 * paths on the same service. Pure logic.
 */

export interface Link {
  href: string;
}

/** `/v1/orders` + `42` → `/v1/orders/42` (the id percent-encoded). */
export function itemHref(collection: string, id: unknown): string {
  return `${collection === '/' ? '' : collection}/${encodeURIComponent(String(id))}`;
}

/** A list page's href: the collection with its `limit` and `cursor` (when any). */
export function pageHref(collection: string, limit: number, cursor: string | null): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  return `${collection}?${query.toString()}`;
}

/** The links of one item. */
export function itemLinks(collection: string, id: unknown): { self: Link; collection: Link } {
  return { self: { href: itemHref(collection, id) }, collection: { href: collection } };
}

/** The links of a list page: self, next (absent on the last page) and one per item. */
export function pageLinks(
  collection: string,
  limit: number,
  cursor: string | null,
  next: string | null,
  ids: readonly unknown[],
): { self: Link; next?: Link; item: Link[] } {
  return {
    self: { href: pageHref(collection, limit, cursor) },
    ...(next ? { next: { href: pageHref(collection, limit, next) } } : {}),
    item: ids.map((id) => ({ href: itemHref(collection, id) })),
  };
}

/** The links of a `?last=N` list: itself and one per item (it has no next page). */
export function lastLinks(
  collection: string,
  n: number,
  ids: readonly unknown[],
): { self: Link; item: Link[] } {
  return {
    self: { href: `${collection}?${new URLSearchParams({ last: String(n) }).toString()}` },
    item: ids.map((id) => ({ href: itemHref(collection, id) })),
  };
}

/** The same next link as an RFC 8288 `Link` header, for clients that read headers. */
export function linkHeader(nextHref: string | undefined): Record<string, string> {
  return nextHref ? { link: `<${nextHref}>; rel="next"` } : {};
}
