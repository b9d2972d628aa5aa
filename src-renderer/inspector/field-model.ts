import { z } from 'zod';
import { nodeConfigSchemas, type NodeKind } from '@shared/flow/node-kinds';
import {
  fieldHint,
  fieldLabel,
  HIDDEN,
  itemNoun,
  LONG_MAP_VALUES,
  LONG_TEXT,
  NODE_REFS,
  variantLabel,
} from './field-words';

/** The kind of control a field gets in the form. */
export type FieldControl =
  | 'text'
  | 'textarea'
  | 'number'
  | 'checkbox'
  | 'map'
  | 'select'
  | 'strings'
  | 'list'
  | 'object'
  | 'typedList'
  | 'contract';

/** One kind of item in a typed list (a drop fault, a transform step), with its own fields. */
export interface VariantSpec {
  /** The discriminator's value, e.g. `drop`. */
  kind: string;
  label: string;
  /** The variant's fields, without the discriminator and the item toggle. */
  fields: FieldSpec[];
  /** A new item of this kind: the variant's defaults. */
  newItem(): Record<string, unknown>;
}

/** How the inspector edits one config field, derived from the kind's zod schema. */
export interface FieldSpec {
  key: string;
  label: string;
  control: FieldControl;
  /** Whole numbers only (number fields). */
  integer?: boolean;
  /** Map values are long templates (textarea, monospace). */
  longValues?: boolean;
  hint?: string;
  /** The choices of a select (a zod enum). */
  options?: readonly string[];
  /** The fields of an object, or of each item of a list. */
  fields?: FieldSpec[];
  /** What one list item is called: "route", "step". */
  itemNoun?: string;
  /** A new list item: the item schema's defaults. */
  newItem?: () => unknown;
  /** The field names another node; the form offers the flow's node names. */
  nodeRef?: boolean;
  /** Typed lists: the key that says which kind an item is (`kind`). */
  discriminator?: string;
  /** Typed lists: the kinds an item can be, in schema order. */
  variants?: VariantSpec[];
  /** Typed lists: a boolean every variant has, shown on the item's title bar (`enabled`). */
  toggleKey?: string;
}

/** `processingMs` → `Processing ms`; special cases come from the schema's meta or LABELS. */
export function humanize(key: string): string {
  const special = fieldLabel(key);
  if (special) return special;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Peels defaults and optionals off a schema to reach the type the user edits, keeping its meta. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; meta: { title?: string; description?: string } } {
  let cur: z.ZodType = schema;
  let meta = { ...(cur.meta() ?? {}) } as { title?: string; description?: string };
  while (cur instanceof z.ZodDefault || cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) {
    cur = cur.unwrap() as z.ZodType;
    meta = { ...(cur.meta() ?? {}), ...meta } as typeof meta;
  }
  return { inner: cur, meta };
}

/** How the form edits one field of this schema; null for a type it cannot edit. */
export function describeField(key: string, schema: z.ZodType): FieldSpec | null {
  const { inner, meta } = unwrap(schema);
  const base = { key, label: meta.title ?? humanize(key), hint: meta.description ?? fieldHint(key) };
  if (inner instanceof z.ZodString) {
    return {
      ...base,
      control: LONG_TEXT.has(key) ? 'textarea' : 'text',
      nodeRef: NODE_REFS.has(key) || undefined,
    };
  }
  if (inner instanceof z.ZodNumber) return { ...base, control: 'number', integer: inner.isInt };
  if (inner instanceof z.ZodBoolean) return { ...base, control: 'checkbox' };
  if (inner instanceof z.ZodEnum) return { ...base, control: 'select', options: inner.options as string[] };
  if (inner instanceof z.ZodRecord) return { ...base, control: 'map', longValues: LONG_MAP_VALUES.has(key) };
  if (inner instanceof z.ZodObject) {
    return { ...base, control: 'object', fields: fieldsOfSchema(inner), newItem: () => defaultsOf(inner) };
  }
  if (inner instanceof z.ZodDiscriminatedUnion && key === 'contract') return { ...base, control: 'contract' };
  if (inner instanceof z.ZodArray) {
    const element = unwrap(inner.element as z.ZodType).inner;
    if (element instanceof z.ZodString) return { ...base, control: 'strings' };
    if (element instanceof z.ZodDiscriminatedUnion) {
      return { ...base, control: 'typedList', itemNoun: itemNoun(key), ...typedItems(element) };
    }
    if (element instanceof z.ZodObject) {
      return {
        ...base,
        control: 'list',
        fields: fieldsOfSchema(element),
        itemNoun: itemNoun(key),
        newItem: () => {
          const res = element.safeParse({});
          return res.success ? res.data : {};
        },
      };
    }
  }
  // A field type the form cannot edit stays as it is in the file.
  return null;
}

/** What an object schema fills in for `{}`; `{}` when something is required. */
function defaultsOf(schema: z.ZodType, seed: Record<string, unknown> = {}): Record<string, unknown> {
  const res = schema.safeParse(seed);
  return res.success && res.data && typeof res.data === 'object'
    ? (res.data as Record<string, unknown>)
    : seed;
}

/** The variants of a discriminated union of objects, and the toggle they all share. */
function typedItems(
  union: z.ZodDiscriminatedUnion,
): Pick<FieldSpec, 'discriminator' | 'variants' | 'toggleKey'> {
  const discriminator = union._zod.def.discriminator;
  const objects = union.options.filter((o): o is z.ZodObject => o instanceof z.ZodObject);
  const toggleKey = objects.every((o) => unwrap(o.shape.enabled ?? z.never()).inner instanceof z.ZodBoolean)
    ? 'enabled'
    : undefined;
  const hidden = new Set([discriminator, ...(toggleKey ? [toggleKey] : [])]);
  const variants = objects.flatMap((o): VariantSpec[] => {
    const literal = o.shape[discriminator];
    if (!(literal instanceof z.ZodLiteral) || typeof literal.value !== 'string') return [];
    const kind = literal.value;
    return [
      {
        kind,
        label: variantLabel(kind),
        fields: fieldsOfSchema(o, hidden),
        newItem: () => defaultsOf(o, { [discriminator]: kind }),
      },
    ];
  });
  return { discriminator, variants, toggleKey };
}

/** The fields of an object schema, in declaration order. */
export function fieldsOfSchema(schema: z.ZodObject, hidden: ReadonlySet<string> = new Set()): FieldSpec[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([key]) => !hidden.has(key))
    .map(([key, s]) => describeField(key, s))
    .filter((f): f is FieldSpec => f !== null);
}

const cache = new Map<NodeKind, FieldSpec[]>();

/** The form of a node kind, generated from its zod config schema in declaration order. */
export function fieldsOf(kind: NodeKind): FieldSpec[] {
  let fields = cache.get(kind);
  if (!fields) {
    fields = fieldsOfSchema(nodeConfigSchemas[kind] as z.ZodObject, HIDDEN[kind]);
    cache.set(kind, fields);
  }
  return fields;
}

/** The first error of a field or of anything inside it (`headers.x` belongs to `headers`). */
export function errorFor(errors: Record<string, string>, key: string): string | undefined {
  if (errors[key]) return errors[key];
  const nested = Object.keys(errors).find((k) => k.startsWith(`${key}.`) || k.startsWith(`${key}[`));
  return nested ? `${nested.slice(key.length).replace(/^\./, '')}: ${errors[nested]}` : undefined;
}
