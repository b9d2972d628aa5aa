import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY, DEFAULT_SDL } from './node-kinds';
import { outlineOperation, outlineSdl } from './sdl-outline';

describe('outlineSdl', () => {
  it('reads the root fields of the default schema', () => {
    expect(outlineSdl(DEFAULT_SDL)).toEqual({ query: ['order'], mutation: ['placeOrder'], subscription: [] });
  });

  it('honours schema { … }, extend type, descriptions, comments and directives', () => {
    const sdl = `
      schema { query: Root mutation: Writes }
      """The root"""
      type Root {
        "one order"
        order(id: ID! @deprecated(reason: "x")): Order @cacheControl(maxAge: 30)
        # hidden(id: ID): Order
        orders(first: Int = 10, filter: OrderFilter): [Order!]!
      }
      extend type Root { health: Boolean }
      type Writes { cancel(id: ID!): Boolean }
      type Query { notRoot: Int }
    `;
    expect(outlineSdl(sdl)).toEqual({
      query: ['order', 'orders', 'health'],
      mutation: ['cancel'],
      subscription: [],
    });
  });

  it('never throws on half-typed text', () => {
    for (const s of ['', 'type', 'type Query {', 'type Query { a(', 'schema {', '"""open']) {
      expect(() => outlineSdl(s)).not.toThrow();
    }
  });
});

describe('outlineOperation', () => {
  it('reads the type and root fields of a query, skipping arguments, aliases and fragments', () => {
    expect(outlineOperation(DEFAULT_QUERY)).toEqual({ type: 'query', fields: ['order'] });
    expect(outlineOperation('{ a: order(id: 1) { id } ...F health }')).toEqual({
      type: 'query',
      fields: ['order', 'health'],
    });
    expect(outlineOperation('mutation M($t: Float) { placeOrder(total: $t) { id } }')).toEqual({
      type: 'mutation',
      fields: ['placeOrder'],
    });
    expect(outlineOperation('not graphql')).toBeNull();
  });
});
