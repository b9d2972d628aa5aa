import { z } from 'zod';
import { nodeName, predicate, template, wholeNumber } from './common';

/** Patterns family, message-routing half: router, filter, timer and sink. */

/** The router's fallback output: messages no route matched leave here. */
export const ROUTER_ELSE = 'else';

/** Output handle ids are names, so an edge in the file says where it leaves ("eu-orders"). */
const outputName = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(60, 'must be at most 60 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may only contain letters, digits, "_" and "-"')
  .refine((s) => s !== ROUTER_ELSE, `"${ROUTER_ELSE}" is the router's built-in output`);

/** One router output and the predicate that sends a message there. */
export const routerRoute = z.object({
  output: outputName.default('matched'),
  when: predicate.default('payload.type == "order"'),
});

/** Router: sends each message to the first route whose predicate holds. */
export const routerConfig = z.object({
  name: nodeName.default('router'),
  routes: z
    .array(routerRoute)
    .meta({ description: 'Checked in order; the first match wins, the rest go to "else".' })
    .default([routerRoute.parse({})]),
  /** Stops loops: a message that passed through this many routers is dropped. */
  maxHops: wholeNumber(0, 1000)
    .meta({
      title: 'Max hops',
      description: 'Drops a message after this many router passes; 0 means no limit.',
    })
    .default(0),
});

/** Filter: passes on only the messages its predicate keeps. */
export const filterConfig = z.object({
  name: nodeName.default('filter'),
  when: predicate
    .meta({ title: 'Keep when', description: 'Messages for which this holds pass on.' })
    .default('payload.total > 100'),
});

/** How a timer is scheduled. */
export const TIMER_SCHEDULES = ['interval', 'cron'] as const;

/** Five cron fields (minute hour day month weekday) of digits, `*`, `/`, `,` and `-`. */
const CRON = /^(\S+\s+){4}\S+$/;
const CRON_FIELD = /^[\d*/,\-A-Za-z?]+$/;

/** Timer: emits a payload on an interval or a cron schedule. */
export const timerConfig = z
  .object({
    name: nodeName.default('timer'),
    schedule: z.enum(TIMER_SCHEDULES, { error: 'must be interval or cron' }).default('interval'),
    intervalMs: wholeNumber(10, 86_400_000).meta({ title: 'Interval (ms)' }).default(1000),
    cron: z
      .string()
      .trim()
      .max(200)
      .meta({ description: 'minute hour day month weekday' })
      .default('*/5 * * * *'),
    payload: template.default('{"tick": {{seq}}, "at": "{{now}}"}'),
    /** Ticks in total; 0 ticks until the run stops. */
    count: wholeNumber(0, 10_000_000)
      .meta({ description: 'Ticks in total; 0 ticks until the run stops.' })
      .default(0),
  })
  .superRefine((cfg, ctx) => {
    if (cfg.schedule !== 'cron') return;
    const fields = cfg.cron.split(/\s+/);
    if (!CRON.test(cfg.cron) || !fields.every((f) => CRON_FIELD.test(f))) {
      ctx.addIssue({
        code: 'custom',
        path: ['cron'],
        message: 'must have five fields: minute hour day month weekday',
      });
    }
  });

/** Sink: the end of a path; counts (and records) what arrives. */
export const sinkConfig = z.object({
  name: nodeName.default('sink'),
  /** Whether payloads are recorded, or only counted. */
  recordPayloads: z
    .boolean()
    .meta({ description: 'Keep each payload in the trace, not just the count.' })
    .default(true),
});

/** Parsed configs (defaults filled) of the routing kinds. */
export type RouterRoute = z.infer<typeof routerRoute>;
export type RouterConfig = z.infer<typeof routerConfig>;
export type FilterConfig = z.infer<typeof filterConfig>;
export type TimerConfig = z.infer<typeof timerConfig>;
export type SinkConfig = z.infer<typeof sinkConfig>;
