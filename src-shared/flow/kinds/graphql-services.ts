import { z } from 'zod';
import { nodeName, nodeRef, perSecond, template, wholeNumber } from './common';
import { httpMethod, port, maxBodyBytes, timeoutMs } from './service-fields';
import { DEFAULT_QUERY, DEFAULT_SDL } from './service-samples';

/** GraphQL kinds: a service over an SDL schema with fields bound on the canvas, and a client. */

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

/** Parsed configs (defaults filled). */
export type GraphqlServiceConfig = z.infer<typeof graphqlServiceConfig>;
export type GraphqlClientConfig = z.infer<typeof graphqlClientConfig>;
export type GraphqlBinding = z.infer<typeof graphqlBinding>;
