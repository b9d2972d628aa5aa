import { z } from 'zod';
import {
  HTTP_METHODS,
  nodeName,
  nodeRef,
  perSecond,
  stringMap,
  template,
  urlPath,
  wholeNumber,
} from './common';
import { contractField } from './message-contract';
import { DEFAULT_PROTO, DEFAULT_QUERY, DEFAULT_SDL } from './service-samples';

/** Services family: REST, gRPC and GraphQL services and the clients that call them. */

const httpMethod = z.enum(HTTP_METHODS, { error: `must be one of ${HTTP_METHODS.join(', ')}` });
const port = wholeNumber(1, 65_535).meta({ description: 'Port the service listens on (loopback).' });
const maxBodyBytes = wholeNumber(1024, 100 * 1024 * 1024).meta({
  title: 'Body size limit (bytes)',
  description: 'Larger request bodies are refused with 413.',
});
const timeoutMs = wholeNumber(1, 600_000).meta({
  title: 'Timeout (ms)',
  description: 'A call with no response by then fails as a timeout.',
});
const latencyMs = wholeNumber(0, 60_000).meta({
  title: 'Latency (ms)',
  description: 'Added before replying.',
});

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
  appendTo: z
    .string()
    .trim()
    .max(80)
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

/** How a service answers a server-streaming or bidirectional method: N items at an interval. */
export const grpcStreamBehaviour = z.object({
  method: z.string().trim().min(1, 'is required').max(200),
  items: wholeNumber(1, 100_000).meta({ description: 'Messages sent per call.' }).default(5),
  intervalMs: wholeNumber(0, 600_000).meta({ title: 'Interval (ms)' }).default(200),
});

/** gRPC status names (grpc-js `status`), for a method that fails on purpose. */
export const GRPC_STATUS_NAMES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
] as const;

/** A .proto path inside the flow's folder; empty means "use the inline source". */
const protoFile = z
  .string()
  .trim()
  .max(1000)
  .refine((v) => !v.startsWith('/') && !/^[A-Za-z]:/.test(v), "must be relative to the flow's folder")
  .refine((v) => !v.split(/[\\/]/).includes('..'), 'must stay inside the flow\'s folder (no "..")')
  .meta({
    title: 'Proto file',
    description: "Path relative to the flow's folder; replaces the inline source.",
  });

/**
 * How one method of a gRPC service answers, for all four method kinds: echo the request,
 * render the response template, or fail with a status; after an optional delay, with
 * `items` replies per request at `intervalMs` on streaming responses.
 */
export const grpcMethodBehaviour = z.object({
  method: z.string().trim().min(1, 'is required').max(200),
  reply: z
    .enum(['echo', 'template', 'fail'], { error: 'must be one of echo, template, fail' })
    .meta({ description: 'echo: the request back; template: the response template; fail: a status.' })
    .default('template'),
  /** Response template; `{{request.field}}`, `{{metadata.key}}` and `{{seq}}` (the item index) read the call. */
  response: template.meta({ title: 'Response template' }).default(''),
  delayMs: wholeNumber(0, 600_000)
    .meta({ title: 'Delay (ms)', description: 'Before the first reply.' })
    .default(0),
  items: wholeNumber(1, 100_000)
    .meta({ description: 'Replies per request on server-streaming and bidirectional methods.' })
    .default(1),
  intervalMs: wholeNumber(0, 600_000)
    .meta({ title: 'Interval (ms)', description: 'Between streamed replies.' })
    .default(0),
  failCode: z
    .enum(GRPC_STATUS_NAMES, { error: 'must be a gRPC status name such as UNAVAILABLE' })
    .meta({ title: 'Fail with status' })
    .default('UNAVAILABLE'),
  failMessage: z.string().max(10_000).meta({ title: 'Fail message' }).default(''),
  failAfter: wholeNumber(0, 100_000)
    .meta({ title: 'Fail after', description: 'Streamed replies sent before failing.' })
    .default(0),
  /** Initial metadata sent with the first reply. */
  metadata: stringMap,
  /** Trailing metadata sent with the status. */
  trailers: stringMap,
});

/** gRPC service: serves a .proto (with imports), all four method kinds. */
export const grpcServiceConfig = z.object({
  name: nodeName.default('service'),
  /** The .proto source that defines the service. */
  proto: z.string().min(1, 'is required').max(1_000_000).default(DEFAULT_PROTO),
  /** Other .proto files the main one imports, by the file name used in its `import` lines. */
  imports: z
    .record(z.string(), z.string())
    .meta({
      title: 'Imported .proto files',
      description: 'File name as written in `import "…";` → its source.',
    })
    .default({}),
  /** Fully qualified service name, e.g. helloworld.Greeter. */
  service: z.string().trim().min(1, 'is required').default('helloworld.Greeter'),
  /** Response template per method name; `{{request.field}}` reads the request. */
  responses: z.record(z.string(), z.string()).default({ SayHello: '{"message": "Hello {{request.name}}"}' }),
  /** Streaming methods' pacing; each item is rendered from the method's response template. */
  streaming: z
    .array(grpcStreamBehaviour)
    .meta({ title: 'Streaming replies', description: 'For server-streaming and bidirectional methods.' })
    .default([]),
  protoFile: protoFile.default(''),
  /** Per-method behaviour; a method listed here ignores `responses` and `streaming`. */
  methods: z
    .array(grpcMethodBehaviour)
    .meta({
      title: 'Method behaviour',
      description: 'Echo, template or fail; delay and streaming per method.',
    })
    .default([]),
});

/** gRPC client: calls the method its edge lands on, at a rate. */
export const grpcClientConfig = z.object({
  name: nodeName.default('client'),
  rate: perSecond(10_000).default(5),
  count: wholeNumber(1, 1_000_000).default(20),
  /** Request message template (JSON). */
  request: template.default('{"name": "{{faker.person.firstName}}"}'),
  deadlineMs: z.number().int().min(1).max(600_000).default(5000),
  /** Messages sent per call on client-streaming and bidirectional methods. */
  streamItems: wholeNumber(1, 100_000)
    .meta({ title: 'Stream items', description: 'Messages per call on client-streaming methods.' })
    .default(3),
  streamIntervalMs: wholeNumber(0, 600_000)
    .meta({ title: 'Stream interval (ms)', description: 'Between messages sent on a client stream.' })
    .default(0),
  /** Metadata sent with every call (values are templates); traceparent is added by the run. */
  metadata: stringMap,
  /** host:port of a service outside the flow; empty calls the connected service node. */
  address: z
    .string()
    .trim()
    .max(300)
    .regex(/^$|^[^\s/:]+:\d{1,5}$|^\[[0-9a-fA-F:]+\]:\d{1,5}$/, 'must be host:port')
    .meta({ title: 'External address', description: 'host:port; leave empty to call the connected service.' })
    .default(''),
  /** For an external address: where its .proto comes from, and which method to call. */
  protoFile: protoFile.default(''),
  proto: z.string().max(1_000_000).meta({ title: 'Inline .proto (external address)' }).default(''),
  service: z
    .string()
    .trim()
    .max(300)
    .meta({ description: 'Fully qualified service, e.g. helloworld.Greeter.' })
    .default(''),
  method: z.string().trim().max(200).default(''),
  tls: z
    .object({
      enabled: z.boolean().default(false),
      /** CA certificate (PEM) path; empty trusts the system roots. */
      caFile: z.string().trim().max(4096).meta({ title: 'CA certificate file' }).default(''),
      /** Client certificate and key (PEM) paths for mutual TLS; both or neither. */
      certFile: z.string().trim().max(4096).meta({ title: 'Client certificate file' }).default(''),
      keyFile: z.string().trim().max(4096).meta({ title: 'Client key file' }).default(''),
      /** Name to verify the server certificate against, when it differs from the host. */
      serverName: z.string().trim().max(300).default(''),
    })
    .refine((t) => (t.certFile === '') === (t.keyFile === ''), {
      message: 'a client certificate needs its key, and a key its certificate',
      path: ['keyFile'],
    })
    .meta({ title: 'TLS', description: "Certificate paths may be relative to the flow's folder." })
    .default({ enabled: false, caFile: '', certFile: '', keyFile: '', serverName: '' }),
});

/** What a field bound on the canvas does (see graphqlBinding). */
export const GRAPHQL_BINDING_ACTIONS = ['publish', 'subscribe', 'call'] as const;

/**
 * One field of a GraphQL service bound to another node of the flow, by that node's name:
 * `publish` — a mutation publishes a message to a topic, queue or exchange the service is
 * connected to; `subscribe` — a subscription field sends each message of a topic or queue
 * connected into the service; `call` — the field's value is the reply of a REST service (or
 * of one gRPC method) the GraphQL service is connected to.
 */
export const graphqlBinding = z.object({
  field: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(300)
    .meta({ description: 'Type.field, e.g. Mutation.placeOrder; a root field alone also works.' }),
  action: z
    .enum(GRAPHQL_BINDING_ACTIONS, { error: `must be one of ${GRAPHQL_BINDING_ACTIONS.join(', ')}` })
    .meta({
      description: 'publish (mutation → channel), subscribe (channel → subscription), call (REST or gRPC).',
    })
    .default('publish'),
  node: nodeRef
    .min(1, 'is required')
    .meta({ description: 'Name of the topic, queue, exchange, REST or gRPC service.' }),
  method: httpMethod.default('GET'),
  path: template
    .meta({ description: 'call: the path on the REST service, e.g. /orders/{{args.id}}.' })
    .default(''),
  body: template
    .meta({
      description:
        'publish: the message; call: the request body or gRPC request. Empty sends the arguments as JSON.',
    })
    .default(''),
  key: template.meta({ description: 'publish: the message key (Kafka) or routing key.' }).default(''),
  rpc: z
    .string()
    .trim()
    .max(200)
    .meta({ title: 'gRPC method', description: 'call on a gRPC service: the unary method, e.g. SayHello.' })
    .default(''),
  timeoutMs: timeoutMs.default(10_000),
  /** call: the part of the reply that is the field's value; optional so older files serialize as before. */
  select: z
    .string()
    .trim()
    .max(2000)
    .meta({
      title: 'Take from the reply',
      description:
        'call: a path such as $.items for the part of the reply that is the value; empty takes all.',
    })
    .optional(),
});

/** GraphQL service: an SDL schema with a result template per root field. */
export const graphqlServiceConfig = z.object({
  name: nodeName.default('graphql-service'),
  port: port.default(4000),
  schema: z
    .string()
    .min(1, 'is required')
    .max(1_000_000)
    .meta({
      title: 'Schema (SDL)',
      description: 'Type definitions; the Query and Mutation fields are what clients call.',
    })
    .default(DEFAULT_SDL),
  /** Result template per root field (`Query.order` or just `order`). */
  resolvers: z
    .record(z.string(), z.string())
    .meta({ description: 'Result template per Query or Mutation field; {{args.id}} reads an argument.' })
    .default({ order: '{"id": "{{args.id}}", "status": "shipped"}' }),
  maxBodyBytes: maxBodyBytes.default(1024 * 1024),
  /** Fields resolved by other nodes of the flow; a bound field ignores its template's data source. */
  bindings: z
    .array(graphqlBinding)
    .meta({ description: 'Fields that publish, subscribe to a channel, or call a REST service.' })
    .default([]),
});

/** GraphQL client: sends a query with variables at a rate. */
export const graphqlClientConfig = z.object({
  name: nodeName.default('graphql-client'),
  query: z.string().trim().min(1, 'is required').max(100_000).default(DEFAULT_QUERY),
  /** Variables as a JSON template. */
  variables: template.meta({ description: 'JSON template of the variables.' }).default('{"id": "{{seq}}"}'),
  rate: perSecond(10_000).default(5),
  count: wholeNumber(1, 1_000_000).default(20),
  timeoutMs: timeoutMs.default(10_000),
});

/** Parsed configs (defaults filled) of the services kinds. */
export type RestRoute = z.infer<typeof restRoute>;
export type RestResource = z.infer<typeof restResource>;
export type RestServiceConfig = z.infer<typeof restServiceConfig>;
export type RestClientConfig = z.infer<typeof restClientConfig>;
export type GrpcServiceConfig = z.infer<typeof grpcServiceConfig>;
export type GrpcClientConfig = z.infer<typeof grpcClientConfig>;
export type GrpcMethodBehaviour = z.infer<typeof grpcMethodBehaviour>;
export type GrpcStatusName = (typeof GRPC_STATUS_NAMES)[number];
export type GraphqlServiceConfig = z.infer<typeof graphqlServiceConfig>;
export type GraphqlClientConfig = z.infer<typeof graphqlClientConfig>;
export type GraphqlBinding = z.infer<typeof graphqlBinding>;
