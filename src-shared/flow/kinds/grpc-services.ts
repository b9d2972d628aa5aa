import { z } from 'zod';
import { nodeName, perSecond, stringMap, template, wholeNumber } from './common';
import { DEFAULT_PROTO } from './service-samples';

/** gRPC kinds: a service serving a .proto (all four method kinds), and a client calling it. */

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

/** Parsed configs (defaults filled). */
export type GrpcServiceConfig = z.infer<typeof grpcServiceConfig>;
export type GrpcClientConfig = z.infer<typeof grpcClientConfig>;
export type GrpcMethodBehaviour = z.infer<typeof grpcMethodBehaviour>;
export type GrpcStatusName = (typeof GRPC_STATUS_NAMES)[number];
