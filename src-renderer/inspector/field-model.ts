import { z } from 'zod';
import { nodeConfigSchemas, type NodeKind } from '@shared/flow/node-kinds';

export type FieldControl = 'text' | 'textarea' | 'number' | 'checkbox' | 'map';

export interface FieldSpec {
  key: string;
  label: string;
  control: FieldControl;
  /** Whole numbers only (number fields). */
  integer?: boolean;
  /** Map values are long templates (textarea, monospace). */
  longValues?: boolean;
  hint?: string;
}

// Templates and sources are long, multi-line text: they get a monospace textarea.
const LONG_TEXT = new Set(['payload', 'request', 'proto']);
const LONG_MAP_VALUES = new Set(['responses']);

const LABELS: Record<string, string> = {
  fromBeginning: 'From beginning',
  processingMs: 'Processing time (ms)',
  deadlineMs: 'Deadline (ms)',
  proto: 'Proto source',
};

const HINTS: Record<string, string> = {
  rate: 'Per second.',
  count: 'How many in total.',
  key: 'Kafka key template; ignored by queues when empty.',
  payload: 'JSON template: {{seq}}, {{uuid}}, {{now}}, {{faker.person.firstName}}…',
  headers: 'Sent with every message.',
  group: 'Consumer group id; empty uses the node name.',
  members: 'Competing members in the group.',
  fromBeginning: 'Read what the topic already holds.',
  processingMs: 'Simulated work per message.',
  partitions: 'Used when the topic is created.',
  prefetch: 'Unacknowledged messages a consumer may hold.',
  service: 'Fully qualified, e.g. helloworld.Greeter.',
  responses: 'Response template per method; {{request.field}} reads the request.',
  request: 'JSON template of the request message.',
};

/** `processingMs` → `Processing ms`; special cases come from LABELS. */
export function humanize(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Peels defaults and optionals off a schema to reach the type the user edits. */
function unwrap(schema: z.ZodType): z.ZodType {
  let cur: z.ZodType = schema;
  while (cur instanceof z.ZodDefault || cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) {
    cur = cur.unwrap() as z.ZodType;
  }
  return cur;
}

function describeField(key: string, schema: z.ZodType): FieldSpec | null {
  const inner = unwrap(schema);
  const base = { key, label: humanize(key), hint: HINTS[key] };
  if (inner instanceof z.ZodString) return { ...base, control: LONG_TEXT.has(key) ? 'textarea' : 'text' };
  if (inner instanceof z.ZodNumber) return { ...base, control: 'number', integer: inner.isInt };
  if (inner instanceof z.ZodBoolean) return { ...base, control: 'checkbox' };
  if (inner instanceof z.ZodRecord) return { ...base, control: 'map', longValues: LONG_MAP_VALUES.has(key) };
  // A field type the form cannot edit yet stays as it is in the file.
  return null;
}

const cache = new Map<NodeKind, FieldSpec[]>();

/** The form of a node kind, generated from its zod config schema in declaration order. */
export function fieldsOf(kind: NodeKind): FieldSpec[] {
  let fields = cache.get(kind);
  if (!fields) {
    const shape = nodeConfigSchemas[kind].shape as Record<string, z.ZodType>;
    fields = Object.entries(shape)
      .map(([key, schema]) => describeField(key, schema))
      .filter((f): f is FieldSpec => f !== null);
    cache.set(kind, fields);
  }
  return fields;
}

/** The first error of a field or of anything inside it (`headers.x` belongs to `headers`). */
export function errorFor(errors: Record<string, string>, key: string): string | undefined {
  if (errors[key]) return errors[key];
  const nested = Object.keys(errors).find((k) => k.startsWith(`${key}.`) || k.startsWith(`${key}[`));
  return nested ? `${nested.slice(key.length + 1)}: ${errors[nested]}` : undefined;
}
