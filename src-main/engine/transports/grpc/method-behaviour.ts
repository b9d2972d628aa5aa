import type * as grpc from '@grpc/grpc-js';
import type { GrpcMethodBehaviour, GrpcServiceConfig } from '@shared/flow/kinds/services';
import { statusCode } from './grpc-status';
import type { MetadataRecord } from './grpc-metadata';

/**
 * Builds one reply from the request it answers. `index` counts replies within the call
 * (0, 1, … on a stream). On a client stream `request` is the last message received and
 * `requests` all of them. May throw; the call then fails with INTERNAL and the message.
 */
export type RenderReply = (
  request: unknown,
  metadata: MetadataRecord,
  index: number,
  requests?: readonly unknown[],
) => unknown;

/** How a hosted method answers; the same shape serves all four method kinds. */
export interface MethodBehaviour {
  reply: 'echo' | 'template' | 'fail';
  /** Required when `reply` is template. */
  render?: RenderReply;
  /** Before the first reply (unary, server stream, client stream) or before each request's replies (bidi). */
  delayMs: number;
  /** Replies per request on server-streaming and bidirectional methods. */
  items: number;
  /** Between streamed replies. */
  intervalMs: number;
  /** With reply "fail": the status, and how many streamed replies go out before it. */
  fail?: { code: grpc.status; message: string; after: number };
  /** Initial metadata, sent before the first reply (or with the status). */
  metadata: MetadataRecord;
  /** Trailing metadata, sent with the status. */
  trailers: MetadataRecord;
}

/**
 * The behaviour of `method` from a service node's config: an entry of `methods` wins;
 * otherwise a legacy `responses` template (paced by its `streaming` entry) is used.
 * Undefined when the config says nothing about the method. `compile` turns a template
 * source into a RenderReply (the runtime plugs its template engine in here).
 */
export function behaviourFromConfig(
  config: Pick<GrpcServiceConfig, 'methods' | 'responses' | 'streaming'>,
  method: string,
  compile: (source: string, field: string) => RenderReply,
): MethodBehaviour | undefined {
  const index = config.methods.findIndex((m) => m.method === method);
  if (index >= 0) return fromEntry(config.methods[index], `methods[${index}].response`, compile);
  const response = config.responses[method];
  if (response === undefined) return undefined;
  const pace = config.streaming.find((s) => s.method === method);
  return {
    reply: 'template',
    render: compile(response, `responses.${method}`),
    delayMs: 0,
    items: pace?.items ?? 1,
    intervalMs: pace?.intervalMs ?? 0,
    metadata: {},
    trailers: {},
  };
}

function fromEntry(
  entry: GrpcMethodBehaviour,
  field: string,
  compile: (source: string, field: string) => RenderReply,
): MethodBehaviour {
  const base: MethodBehaviour = {
    reply: entry.reply,
    delayMs: entry.delayMs,
    items: entry.items,
    intervalMs: entry.intervalMs,
    metadata: entry.metadata,
    trailers: entry.trailers,
  };
  if (entry.reply === 'template') return { ...base, render: compile(entry.response, field) };
  if (entry.reply === 'fail') {
    const message = entry.failMessage || `${entry.failCode} (injected by the service's behaviour)`;
    const fail = { code: statusCode(entry.failCode), message, after: entry.failAfter };
    // Replies streamed before the failure are the response template's, or the request echoed.
    if (entry.failAfter > 0 && entry.response.trim() !== '')
      return { ...base, reply: 'template', render: compile(entry.response, field), fail };
    if (entry.failAfter > 0) return { ...base, reply: 'echo', fail };
    return { ...base, fail };
  }
  return base;
}
