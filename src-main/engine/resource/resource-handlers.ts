import type { RestResource } from '@shared/flow/kinds/services';
import { RESOURCE_ID_PARAM, collectionPath, resourceRoutes } from '@shared/flow/rest-resource-routes';
import type { RestRequest, RestRouteHandler, RouteReply } from '../transports/http/rest-server';
import {
  ResourceCollection,
  ResourceConflict,
  ResourceInvalid,
  type Item,
  type Scope,
} from './resource-collection';
import { itemHref, itemLinks, lastLinks, linkHeader, pageLinks } from './resource-links';
import { CursorError, decodeCursor, readLimit } from './resource-page';

/** The largest page a client may ask for with `?limit=`, whatever the page size. */
const MAX_LIMIT = 1000;
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/**
 * The route handlers of one CRUD resource over its collection: POST creates (201 with
 * Location; 409 when the id is taken), GET lists a cursor page with `_links` (self, next,
 * item) and a `Link` header, or the last N with `?last=N`; GET, PUT, PATCH and DELETE on an
 * item answer 200/204, or 404 when there is none. Malformed bodies and cursors get a 400.
 */
export function resourceHandlers(resource: RestResource, collection: ResourceCollection): RestRouteHandler[] {
  return resourceRoutes(resource.path).map((route) => ({
    method: route.method,
    path: route.path,
    status: 200,
    render: (req) => {
      try {
        return answer(route.action, req, resource, collection);
      } catch (err) {
        if (err instanceof ResourceConflict) return problem(409, err.message);
        if (err instanceof ResourceInvalid || err instanceof CursorError) return problem(400, err.message);
        throw err;
      }
    },
  }));
}

/** A collection for a resource config: named after its last literal segment, scoped by its `:params`. */
export function collectionFor(resource: RestResource): ResourceCollection {
  const segments = collectionPath(resource.path).split('/').filter(Boolean);
  const name = [...segments].reverse().find((s) => !s.startsWith(':')) ?? 'items';
  const params = segments.filter((s) => s.startsWith(':')).map((s) => s.slice(1));
  return new ResourceCollection(name, resource.idField, params);
}

function answer(
  action: ReturnType<typeof resourceRoutes>[number]['action'],
  req: RestRequest,
  resource: RestResource,
  collection: ResourceCollection,
): RouteReply {
  const { [RESOURCE_ID_PARAM]: id, ...scope } = req.params as Scope;
  // The collection as this request addressed it, with its scope filled in (`/v1/users/7/orders`).
  const base = id === undefined ? trimSlash(req.path) : req.path.slice(0, req.path.lastIndexOf('/'));
  const missing = (): RouteReply => problem(404, `${collection.name} ${id} does not exist`);
  switch (action) {
    case 'list': {
      const last = req.query.last;
      if (last !== undefined) {
        const n = readLimit(last, resource.pageSize, MAX_LIMIT);
        const items = collection.last(scope, n);
        const links = lastLinks(
          base,
          n,
          items.map((i) => i[resource.idField]),
        );
        return json(200, {
          items: items.map((i) => linked(base, i, resource)),
          count: items.length,
          _links: links,
        });
      }
      const limit = readLimit(req.query.limit, resource.pageSize, MAX_LIMIT);
      const cursor =
        typeof req.query.cursor === 'string' && req.query.cursor !== '' ? req.query.cursor : null;
      const page = collection.page(scope, cursor ? decodeCursor(cursor) : 0, limit);
      const ids = page.items.map((i) => i[resource.idField]);
      const links = pageLinks(base, limit, cursor, page.next, ids);
      const body = {
        items: page.items.map((i) => linked(base, i, resource)),
        count: page.items.length,
        _links: links,
      };
      return json(200, body, linkHeader(links.next?.href));
    }
    case 'create': {
      const created = collection.create(scope, objectBody(req));
      const location = itemHref(base, created[resource.idField]);
      return json(201, linked(base, created, resource), { location });
    }
    case 'read': {
      const item = collection.get(scope, id);
      return item ? json(200, linked(base, item, resource)) : missing();
    }
    case 'replace': {
      const item = collection.replace(scope, id, objectBody(req));
      return item ? json(200, linked(base, item, resource)) : missing();
    }
    case 'update': {
      const item = collection.update(scope, id, objectBody(req));
      return item ? json(200, linked(base, item, resource)) : missing();
    }
    case 'delete':
      return collection.remove(scope, id) ? { status: 204, headers: {}, body: '' } : missing();
  }
}

function linked(base: string, item: Item, resource: RestResource): Item {
  return { ...item, _links: itemLinks(base, item[resource.idField]) };
}

function objectBody(req: RestRequest): Item {
  const body = req.body;
  if (body && typeof body === 'object' && !Array.isArray(body)) return body as Item;
  throw new ResourceInvalid('the body must be a JSON object (send Content-Type: application/json)');
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): RouteReply {
  return { status, headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

function problem(status: number, error: string): RouteReply {
  return json(status, { error });
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
