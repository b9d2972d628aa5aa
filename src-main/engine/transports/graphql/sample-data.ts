import {
  GraphQLList,
  GraphQLNonNull,
  isAbstractType,
  isEnumType,
  isObjectType,
  isScalarType,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

// Objects made here (as opposed to returned by a template or a bound resolver) fill their own
// fields on demand, so cyclic types never recurse further than the query asks.
const sampled = new WeakSet<object>();

/**
 * A plausible value for a field nobody resolves: `args.id` for an ID when given, a string
 * naming the field, 1, 1.5, true, the first enum value, two list items, and objects whose
 * fields are sampled the same way when the query reads them.
 */
export function sampleValue(
  type: GraphQLOutputType,
  fieldName: string,
  args: Record<string, unknown>,
  schema: GraphQLSchema,
): unknown {
  if (type instanceof GraphQLNonNull) return sampleValue(type.ofType, fieldName, args, schema);
  if (type instanceof GraphQLList)
    return [1, 2].map((n) => sampleValue(type.ofType, fieldName, { ...args, id: `${n}` }, schema));
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return typeof args.id === 'string' || typeof args.id === 'number' ? String(args.id) : '1';
      case 'Int':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return true;
      default:
        return `sample ${fieldName}`;
    }
  }
  if (isEnumType(type)) return type.getValues()[0]?.value ?? null;
  if (isObjectType(type)) return sampledObject({ id: args.id });
  if (isAbstractType(type)) {
    const first = schema.getPossibleTypes(type)[0];
    return first ? sampledObject({ __typename: first.name, id: args.id }) : null;
  }
  return null;
}

function sampledObject(seed: Record<string, unknown>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(seed)) if (value !== undefined) object[key] = value;
  sampled.add(object);
  return object;
}

/**
 * graphql-js's default field resolver (read the property, call it when a function), except
 * that objects made by `sampleValue` sample the fields they lack.
 */
export const sampleAwareFieldResolver: GraphQLFieldResolver<unknown, unknown> = (
  source,
  args,
  context,
  info,
) => {
  if (typeof source !== 'object' || source === null) return undefined;
  const record = source as Record<string, unknown>;
  const value = record[info.fieldName];
  if (typeof value === 'function')
    return (value as (...a: unknown[]) => unknown).call(source, args, context, info);
  if (value === undefined && sampled.has(source))
    return sampleValue(info.returnType, info.fieldName, { ...args, id: args.id ?? record.id }, info.schema);
  return value;
};
