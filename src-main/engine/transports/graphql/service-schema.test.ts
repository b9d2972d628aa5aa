import { describe, expect, it } from 'vitest';
import { execute, parse } from 'graphql';
import { DEFAULT_SDL } from '@shared/flow/kinds/service-samples';
import { bindResolvers } from './bind-resolvers';
import { FieldChannels } from './field-channels';
import { sampleAwareFieldResolver } from './sample-data';
import { buildServiceSchema } from './service-schema';

function errorOf(sdl: string): { message: string; line: number; column?: number } {
  try {
    buildServiceSchema(sdl, 'api');
  } catch (err) {
    return err as { message: string; line: number; column?: number };
  }
  throw new Error('no error');
}

describe('buildServiceSchema', () => {
  it('builds the default schema of a new GraphQL node', () => {
    expect(buildServiceSchema(DEFAULT_SDL, 'api').getQueryType()?.name).toBe('Query');
  });

  it('gives the line and column of the first problem', () => {
    expect(errorOf('type Query {\n  a: Int\n  b: [Int\n}')).toMatchObject({ line: 4, column: 1 });
    expect(errorOf('type Query {\n  a: Nope\n}')).toMatchObject({
      line: 2,
      message: '"api": schema (SDL) line 2, column 6: Unknown type "Nope".',
    });
    expect(errorOf('type Query { a: Int }\ntype Query { b: Int }')).toMatchObject({
      line: 1,
      message: expect.stringContaining('There can be only one type named "Query"'),
    });
    expect(errorOf('type Order { id: ID }')).toMatchObject({
      message: expect.stringContaining('Query root type must be provided'),
    });
    expect(errorOf('type Query { a: Int }\n\nquery Q { a }')).toMatchObject({
      line: 3,
      message:
        '"api": schema (SDL) line 3, column 1: holds a query or fragment; a schema has only type definitions',
    });
    expect(errorOf('  ')).toMatchObject({ line: 1 });
  });
});

describe('bindResolvers', () => {
  const sdl = `type Query { order(id: ID!): Order  orders: [Order]  kind: Kind  search: Result }
type Order { id: ID!  lines: [Line!]!  next: Order }
type Line { sku: String  qty: Int }
enum Kind { RETAIL WHOLESALE }
union Result = Order | Line
type Mutation { order: Order }`;

  it('fills unbound fields with sample data that follows the query, however deep', async () => {
    const schema = buildServiceSchema(sdl, 'api');
    bindResolvers(schema, {}, new FieldChannels(), 'api');
    const result = await execute({
      schema,
      document: parse(
        '{ order(id: "9") { id lines { sku qty } next { id next { id } } } kind search { __typename } }',
      ),
      fieldResolver: sampleAwareFieldResolver,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      order: {
        id: '9',
        lines: [
          { sku: 'sample sku', qty: 1 },
          { sku: 'sample sku', qty: 1 },
        ],
        next: { id: '9', next: { id: '9' } },
      },
      kind: 'RETAIL',
      search: { __typename: 'Order' },
    });
  });

  it('refuses keys that are ambiguous or name nothing, listing the choices', () => {
    const bind = (templates: Record<string, string>): void =>
      bindResolvers(
        buildServiceSchema(sdl, 'api'),
        { templates, compileTemplate: () => () => '{}' },
        new FieldChannels(),
        'api',
      );
    expect(() => bind({ order: '{}' })).toThrow('"api": "order" is on Query and Mutation; write Type.order');
    expect(() => bind({ ordr: '{}' })).toThrow(
      'no root field "ordr" in the schema (fields: Query.order, Query.orders',
    );
    expect(() => bind({ 'Order.id': '{}' })).toThrow(
      '"Order.id" names no Query, Mutation or Subscription type',
    );
  });

  it('names the field whose template does not compile', () => {
    const schema = buildServiceSchema(sdl, 'api');
    expect(() =>
      bindResolvers(
        schema,
        {
          templates: { 'Query.kind': '{{nope' },
          compileTemplate: () => {
            throw new Error('"{{" at character 0 is never closed');
          },
        },
        new FieldChannels(),
        'api',
      ),
    ).toThrow('"api": resolver template for Query.kind: "{{" at character 0 is never closed');
  });
});
