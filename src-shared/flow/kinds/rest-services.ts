import { z } from 'zod';
import { nodeName, nodeRef, perSecond, stringMap, template, urlPath, wholeNumber } from './common';
import { httpMethod, port, maxBodyBytes, timeoutMs, latencyMs } from './service-fields';
import { contractField } from './message-contract';

/** REST kinds: a service answering routes or CRUD resources, and a client calling them. */

/** One route of a REST service; `:name` segments match any value and are readable as {{params.name}}. */
export const restRoute = z.object({
  method: httpMethod.default('GET'),
  path: urlPath.default('/orders/:id'),
  status: wholeNumber(100, 599).default(200),
  response: template
    .meta({
      title: 'Response template',
      description: 'JSON; {{params.id}} and {{body.field}} read the request.',
    })
    .default('{"id": "{{params.id}}", "status": "shipped"}'),
  latencyMs: latencyMs.default(0),
  /** What the route's request bodies must look like; violations are flagged, the call still answers. */
  contract: contractField,
  /** Response headers; values are templates like the body. */
  headers: stringMap.meta({ title: 'Response headers' }),
  /** CQRS command side: append the rendered body as a command to a connected event store, then answer. */
  appendTo: nodeRef
    .meta({
      title: 'Append to event store',
      description:
        'Name of a connected event store: the response is its answer (201, 409 stale version, 422 refused).',
    })
    .optional(),
  /** CQRS query side: answer from a connected projection's read model instead of the template. */
  readModel: z
    .string()
    .trim()
    .max(200)
    .meta({
      title: 'Answer from read model',
      description: "Name of a connected projection's read model; empty answers with the template.",
    })
    .optional(),
  readModelKey: template
    .meta({
      title: 'Read model key',
      description: 'Which entry (default {{params.id}}); a route without path parameters lists them all.',
    })
    .optional(),
});

/**
 * A CRUD resource a REST service keeps in memory for the run: `path` is the collection
 * (`/v1/orders`), `path/:id` an item; POST, GET (cursor pages with links), PUT, PATCH and
 * DELETE answer with the usual status codes. `:name` segments scope the collection, so
 * `/v1/users/:userId/orders` holds each user's orders apart.
 */
export const restResource = z.object({
  path: urlPath
    .regex(/^[^?#]*$/, 'must be a path without "?" or "#"')
    .meta({ title: 'Collection path', description: 'e.g. /v1/orders; items live at /v1/orders/:id.' })
    .default('/v1/orders'),
  idField: z
    .string()
    .trim()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a field name such as id')
    .max(100)
    .meta({ title: 'Id field', description: 'Given on create, or numbered 1, 2, 3… when absent.' })
    .default('id'),
  pageSize: wholeNumber(1, 1000)
    .meta({ title: 'Page size', description: 'Items per list page; ?limit= asks for fewer or more.' })
    .default(10),
  seed: template
    .meta({ title: 'Initial items', description: 'JSON array of the items the collection starts with.' })
    .default('[]'),
});

/** REST service: answers its routes with templates, a status and latency. */
export const restServiceConfig = z.object({
  name: nodeName.default('rest-service'),
  port: port.default(8080),
  routes: z.array(restRoute).default([restRoute.parse({})]),
  maxBodyBytes: maxBodyBytes.default(1024 * 1024),
  /** CRUD resources served besides the routes; optional so files without them serialize as before. */
  resources: z
    .array(restResource)
    .meta({
      title: 'CRUD resources',
      description: 'In-memory collections with status codes, pages and links.',
    })
    .optional(),
});

/** REST client: calls one route of the connected service (or a URL) at a rate. */
export const restClientConfig = z.object({
  name: nodeName.default('rest-client'),
  method: httpMethod.default('GET'),
  /** A path on the connected service, or a full URL to call something outside the flow. */
  path: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(2000)
    .regex(/^(\/|https?:\/\/)/, 'must start with "/" or http(s)://')
    .meta({
      title: 'Path or URL',
      description: 'e.g. /orders/{{seq}}; a path is sent to the connected service.',
    })
    .default('/orders/{{seq}}'),
  rate: perSecond(10_000).default(5),
  count: wholeNumber(1, 1_000_000).default(20),
  body: template
    .meta({ title: 'Body template', description: 'JSON sent with POST, PUT and PATCH.' })
    .default(''),
  headers: stringMap,
  timeoutMs: timeoutMs.default(10_000),
});

/** Parsed configs (defaults filled). */
export type RestRoute = z.infer<typeof restRoute>;
export type RestResource = z.infer<typeof restResource>;
export type RestServiceConfig = z.infer<typeof restServiceConfig>;
export type RestClientConfig = z.infer<typeof restClientConfig>;
