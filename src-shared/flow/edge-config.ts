import { z } from 'zod';
import { faultList } from './kinds/faults';

/**
 * Settings carried by an edge (format 2). Bindings live on the exchange → queue (or
 * exchange → exchange) edge, as in RabbitMQ itself: which field applies depends on the
 * exchange type (direct: routingKey, topic: pattern, headers: headerMatch, fanout: none).
 * A mesh policy can also be attached to one call path by naming it in `policy`.
 */

/** RabbitMQ topic binding: dot-separated words, `*` matches one word and `#` zero or more. */
const topicPattern = z
  .string()
  .trim()
  .max(255, 'must be at most 255 characters')
  .refine((s) => s === '' || s.split('.').every((w) => w.length > 0), 'must not have empty words ("..")');

/** x-match modes of a headers binding. */
export const HEADER_MATCH_MODES = ['all', 'any'] as const;

/** A headers-exchange binding: the headers to match, all or any. */
export const headerMatchSchema = z.object({
  /** x-match: `all` needs every header to match, `any` needs one. */
  xMatch: z.enum(HEADER_MATCH_MODES, { error: 'must be all or any' }).default('all'),
  headers: z.record(z.string(), z.string()).default({}),
});

/** Settings an edge may carry; see the file comment for which apply where. */
export const edgeConfigSchema = z.object({
  /** Direct exchanges: the routing key a message must carry. */
  routingKey: z.string().max(255, 'must be at most 255 characters').optional(),
  /** Topic exchanges: the binding pattern, e.g. `orders.*.eu` or `orders.#`. */
  pattern: topicPattern.optional(),
  /** Headers exchanges: which headers must match. */
  headerMatch: headerMatchSchema.optional(),
  /** Name of a mesh policy node that governs calls along this edge. */
  policy: z.string().trim().max(80).optional(),
  /** Faults injected on messages travelling along this edge. */
  faults: faultList.optional(),
});

/** What an edge carries besides its ends; every field is optional and omitted when empty. */
export type EdgeConfig = z.infer<typeof edgeConfigSchema>;
/** A headers binding as parsed. */
export type HeaderMatch = z.infer<typeof headerMatchSchema>;

/** The config without empty fields, so files only hold what was set (and diff cleanly). */
export function compactEdgeConfig(config: EdgeConfig | undefined): EdgeConfig | undefined {
  if (!config) return undefined;
  const out: EdgeConfig = {};
  if (config.routingKey) out.routingKey = config.routingKey;
  if (config.pattern) out.pattern = config.pattern;
  if (config.headerMatch && Object.keys(config.headerMatch.headers ?? {}).length > 0) {
    out.headerMatch = config.headerMatch;
  }
  if (config.policy) out.policy = config.policy;
  if (config.faults && config.faults.length > 0) out.faults = config.faults;
  return Object.keys(out).length > 0 ? out : undefined;
}
