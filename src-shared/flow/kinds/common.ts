import { z } from 'zod';

/**
 * Field builders every kind shares, so the same value is checked (and worded) the same
 * way on every node: a name, counts, rates, durations, templates.
 */

/** A node's display name; also how traces, messages and references (gateway, saga) name it. */
export const nodeName = z.string().trim().min(1, 'is required').max(80, 'must be at most 80 characters');

/** String → string pairs such as headers; values are templates. */
export const stringMap = z.record(z.string(), z.string()).default({});

/** A whole number in [min, max] with our wording. */
export function wholeNumber(min: number, max: number): z.ZodNumber {
  return z
    .number()
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

/** Events or calls per second. */
export function perSecond(max: number): z.ZodNumber {
  return z.number().positive('must be greater than 0').max(max, `must be at most ${max}`);
}

/** A template (JSON payload, response, body): long text, checked when the flow compiles. */
export const template = z.string().max(1_000_000, 'must be at most 1,000,000 characters');

/**
 * A reference to another node by its name (gateway route target, saga step target…). The
 * `nodeRef` mark lets code that renames nodes find every reference (see node-refs.ts).
 */
export const nodeRef = z.string().trim().max(80, 'must be at most 80 characters').meta({ nodeRef: true });

/** A predicate over a message, e.g. `payload.total > 100`; see src-shared/flow/expressions/predicate.ts. */
export const predicate = z.string().trim().min(1, 'is required').max(2000, 'must be at most 2000 characters');

/** HTTP methods a REST route or client may use. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** A URL path such as `/orders/:id` (a route) or `/orders/42` (a call). */
export const urlPath = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(2000, 'must be at most 2000 characters')
  .regex(/^\//, 'must start with "/"');

/** A list of short names (events, streams), one entry per item. */
export const nameList = z.array(z.string().trim().min(1, 'must not be empty').max(200)).default([]);
