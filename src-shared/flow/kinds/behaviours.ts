import { z } from 'zod';
import { nodeRef, predicate, template, wholeNumber } from './common';
import { faultErrorForms } from './faults';

/**
 * Behaviours on service and routing nodes (issue 4): steps a message goes through in
 * order before the node passes it on. Paths and predicates use a small JSONPath subset
 * (`$.order.items[0].sku`, `key`, `headers.region`), checked when the flow compiles.
 */

/** A JSONPath-subset path such as `$.customer.id`, `key` or `headers["x-region"]`. */
export const messagePath = z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters');

/** Renders a template over the incoming message into the new payload. */
export const transformBehaviour = z.object({
  kind: z.literal('transform'),
  template: template
    .meta({ description: '{{payload.field}}, {{key}}, {{headers.name}} read the incoming message.' })
    .default('{{payload}}'),
  /** json: the result must be valid JSON; text: any text. */
  output: z.enum(['json', 'text'], { error: 'must be json or text' }).default('json'),
});

/** One content route: messages for which `when` holds leave by `output`. */
export const contentRoute = z.object({
  when: predicate.default('$.type == "order"'),
  output: z.string().trim().min(1, 'is required').max(80).default('matched'),
});

/** Sends each message to the first route whose predicate holds, else to `otherwise`. */
export const routeBehaviour = z.object({
  kind: z.literal('route'),
  routes: z.array(contentRoute).default([]),
  otherwise: z
    .string()
    .trim()
    .max(80)
    .meta({ description: 'Output for messages no route matched; empty drops them.' })
    .default('else'),
});

/** Passes on only the messages its predicate keeps. */
export const filterBehaviour = z.object({
  kind: z.literal('filter'),
  when: predicate.default('$.total > 100'),
});

/** Calls another node with the message and merges the reply into it. */
export const enrichBehaviour = z.object({
  kind: z.literal('enrich'),
  target: nodeRef.min(1, 'is required').default(''),
  into: messagePath.meta({ description: 'Where the reply goes, e.g. $.customer.' }).default('$.enrichment'),
});

/** Turns a JSON array in the message into one message per element. */
export const splitBehaviour = z.object({
  kind: z.literal('split'),
  path: messagePath.meta({ description: 'The array to split, e.g. $.items.' }).default('$.items'),
});

/** Collects messages by key and emits them together by count and/or time window. */
export const aggregateBehaviour = z
  .object({
    kind: z.literal('aggregate'),
    by: z
      .string()
      .trim()
      .max(500)
      .meta({ description: 'Group key, e.g. $.customerId or key; empty collects all together.' })
      .default(''),
    count: wholeNumber(0, 1_000_000)
      .meta({ description: 'Emit after this many; 0 for no count.' })
      .default(10),
    windowMs: wholeNumber(0, 86_400_000)
      .meta({ title: 'Window (ms)', description: 'Emit this long after a group opens; 0 for no window.' })
      .default(0),
  })
  .refine((a) => a.count > 0 || a.windowMs > 0, {
    message: 'needs a count or a window (or both)',
    path: ['count'],
  });

/** Waits before passing the message on. */
export const delayBehaviour = z.object({
  kind: z.literal('delay'),
  ms: wholeNumber(0, 600_000).default(100),
  jitterMs: wholeNumber(0, 600_000).default(0),
});

/** Fails a share of messages on purpose, answering with the protocol's error. */
export const failBehaviour = z.object({
  kind: z.literal('fail'),
  probability: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').default(0.1),
  /** Only messages for which this holds may fail (e.g. `$.failAt == "payment"`); absent means any. */
  when: predicate
    .meta({
      title: 'Only when',
      description: 'Only messages for which this holds may fail; empty means any.',
    })
    .optional(),
  /** Absent means every protocol's default form. */
  error: faultErrorForms.optional(),
});

/** What a state step does with its key: keep the message under it, or forget it. */
export const STATE_OPS = ['put', 'delete'] as const;

/**
 * Keeps per-node state while the run goes: `put` stores the message (as it is at this step)
 * under its key in a named store, `delete` removes the key. What a node holds is shown while
 * it runs (e.g. the reservations an inventory service holds).
 */
export const stateBehaviour = z.object({
  kind: z.literal('state'),
  store: z.string().trim().min(1, 'is required').max(80).default('items'),
  op: z.enum(STATE_OPS, { error: 'must be put or delete' }).default('put'),
  key: messagePath.meta({ description: 'Where the key is, e.g. $.orderId or key.' }).default('$.id'),
});

/**
 * Turns a failure of any later step into a message: when a later step fails (a fail step,
 * a template, a call), the message as it reached this step is rendered with `template`
 * (`{{error}}` is why) and passed on instead, e.g. an InventoryRejected event.
 */
export const recoverBehaviour = z.object({
  kind: z.literal('recover'),
  template: template
    .meta({ description: '{{payload.field}} reads the message as it reached this step; {{error}} says why.' })
    .default('{"type": "Failed", "error": "{{error}}"}'),
});

/** One behaviour step. */
export const behaviourSpec = z.discriminatedUnion(
  'kind',
  [
    transformBehaviour,
    routeBehaviour,
    filterBehaviour,
    enrichBehaviour,
    splitBehaviour,
    aggregateBehaviour,
    delayBehaviour,
    failBehaviour,
    stateBehaviour,
    recoverBehaviour,
  ],
  { error: 'must be one of transform, route, filter, enrich, split, aggregate, delay, fail, state, recover' },
);

/** The `behaviours` field of service and routing nodes; absent means none. */
export const behaviourList = z
  .array(behaviourSpec)
  .max(50, 'must have at most 50 steps')
  .meta({ description: 'Steps each incoming message goes through, in order.' });

/** The kinds of behaviour step, as written in flow files. */
export const BEHAVIOUR_KINDS = [
  'transform',
  'route',
  'filter',
  'enrich',
  'split',
  'aggregate',
  'delay',
  'fail',
  'state',
  'recover',
] as const;
/** One kind of behaviour step. */
export type BehaviourKind = (typeof BEHAVIOUR_KINDS)[number];
/** A behaviour step, defaults filled. */
export type BehaviourSpec = z.infer<typeof behaviourSpec>;
/** A behaviour step of one kind. */
export type BehaviourOf<K extends BehaviourKind> = Extract<BehaviourSpec, { kind: K }>;
