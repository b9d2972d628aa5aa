import { getNamedType, isLeafType, isObjectType } from 'graphql';
import type { GraphQLField, GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { FieldChannels } from './field-channels';
import { sampleValue } from './sample-data';

/** What every resolver sees about the operation it serves. */
export interface GraphqlRequestContext {
  /** Unique per operation; the same id is on the recording hooks. */
  operationId: string;
  transport: 'http' | 'ws';
  /** From the HTTP header, or on WebSocket from the subscribe message's extensions or connectionParams. */
  traceparent?: string;
  /** HTTP request headers (on WebSocket, the upgrade request's); lower-case names. */
  headers: Record<string, string>;
  operationName?: string | null;
}

/** A field bound on the canvas (call a REST or gRPC node, read a projection, publish…). */
export type FieldResolver = (
  args: Record<string, unknown>,
  context: GraphqlRequestContext,
  parent: unknown,
) => unknown;

/** Where a subscription field's events come from (a topic or queue the runtime consumes). */
export type SubscriptionSource = (
  args: Record<string, unknown>,
  context: GraphqlRequestContext,
) => AsyncIterable<unknown> | Promise<AsyncIterable<unknown>>;

/** A compiled result template; the runtime passes its own template engine. */
export type RenderTemplate = (scope: {
  args: Record<string, unknown>;
  field: string;
  context: GraphqlRequestContext;
}) => string;

export interface ResolverBindings {
  /** `Type.field` → resolver; any object type's field may be bound. */
  resolvers?: Record<string, FieldResolver>;
  /** `Subscription.field` (or `field`) → event source. Unbound subscription fields take `publish`. */
  subscriptions?: Record<string, SubscriptionSource>;
  /** The node's result templates: `Query.order` or just `order` → JSON template. */
  templates?: Record<string, string>;
  /** Compiles one template; required when `templates` is not empty. */
  compileTemplate?: (source: string) => RenderTemplate;
}

const ROOTS = ['Query', 'Mutation', 'Subscription'] as const;

/**
 * Puts resolvers on a schema built by buildServiceSchema. Precedence per field: a bound
 * resolver, then a template, then sample data (root fields only; nested fields read their
 * parent). Subscription fields use their bound source or else `channels`. Every key must
 * name a field of the schema: a misspelt one fails here, naming the key and the choices.
 */
export function bindResolvers(
  schema: GraphQLSchema,
  bindings: ResolverBindings,
  channels: FieldChannels,
  node: string,
): void {
  const bound = new Set<GraphQLField<unknown, unknown>>();
  for (const [key, resolver] of Object.entries(bindings.resolvers ?? {})) {
    const { field } = findField(schema, key, node, false);
    field.resolve = (parent, args, context) => resolver(args, context as GraphqlRequestContext, parent);
    bound.add(field);
  }
  for (const [key, source] of Object.entries(bindings.subscriptions ?? {})) {
    const { field, type } = findField(schema, key, node, true);
    if (type !== schema.getSubscriptionType())
      throw new Error(`"${node}": subscription source "${key}" must name a field of the Subscription type`);
    field.subscribe = (_parent, args, context) => source(args, context as GraphqlRequestContext);
    field.resolve = (payload) => payload;
    bound.add(field);
  }
  for (const [key, template] of Object.entries(bindings.templates ?? {})) {
    const { field, type } = findField(schema, key, node, true);
    if (bound.has(field)) continue; // a bound resolver wins over the node's template
    if (!bindings.compileTemplate) throw new Error(`"${node}": templates given but no template compiler`);
    let render: RenderTemplate;
    try {
      render = bindings.compileTemplate(template);
    } catch (err) {
      throw new Error(
        `"${node}": resolver template for ${type.name}.${field.name}: ${(err as Error).message}`,
      );
    }
    const where = `${type.name}.${field.name}`;
    const leaf = isLeafType(getNamedType(field.type));
    field.resolve = (_parent, args, context) =>
      parseRendered(
        render({ args, field: field.name, context: context as GraphqlRequestContext }),
        leaf,
        where,
      );
    bound.add(field);
  }
  const subscriptionType = schema.getSubscriptionType();
  for (const field of Object.values(subscriptionType?.getFields() ?? {})) {
    if (field.subscribe) continue;
    field.subscribe = () => channels.subscribe(field.name);
    // A resolver bound to a subscription field shapes each published payload.
    if (!bound.has(field)) field.resolve = (payload) => payload;
  }
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (bound.has(field)) continue;
      field.resolve = (_parent, args, _context, info) =>
        sampleValue(field.type, field.name, args, info.schema);
    }
  }
}

/**
 * The field a binding key names: `Type.field`, or a root field alone when only one root type
 * has it. `rootsOnly` refuses non-root types. Throws a sentence naming the node, the key and
 * the choices.
 */
export function findField(
  schema: GraphQLSchema,
  key: string,
  node: string,
  rootsOnly: boolean,
): { type: GraphQLObjectType; field: GraphQLField<unknown, unknown> } {
  const dot = key.indexOf('.');
  if (dot >= 0) {
    const typeName = key.slice(0, dot);
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[key.slice(dot + 1)] : undefined;
    if (!isObjectType(type) || (rootsOnly && !(ROOTS as readonly string[]).includes(typeName)))
      throw new Error(
        `"${node}": "${key}" names no ${rootsOnly ? 'Query, Mutation or Subscription' : 'object'} type`,
      );
    if (!field)
      throw new Error(
        `"${node}": ${typeName} has no field "${key.slice(dot + 1)}" (it has ${Object.keys(type.getFields()).join(', ')})`,
      );
    return { type, field };
  }
  const found = ROOTS.map((root) => schema.getType(root))
    .filter(isObjectType)
    .filter((type) => key in type.getFields());
  if (found.length === 0) {
    const roots = ROOTS.map((root) => schema.getType(root)).filter(isObjectType);
    const names = roots.flatMap((type) => Object.keys(type.getFields()).map((f) => `${type.name}.${f}`));
    throw new Error(`"${node}": no root field "${key}" in the schema (fields: ${names.join(', ')})`);
  }
  if (found.length > 1)
    throw new Error(`"${node}": "${key}" is on ${found.map((t) => t.name).join(' and ')}; write Type.${key}`);
  return { type: found[0], field: found[0].getFields()[key] };
}

function parseRendered(text: string, leaf: boolean, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    if (leaf) return text;
    throw new Error(`the result template of ${where} did not render JSON: ${(err as Error).message}`);
  }
}
