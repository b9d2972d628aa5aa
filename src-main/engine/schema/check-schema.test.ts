import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTO } from '@shared/flow/node-kinds';
import { checkGraphql } from './check-graphql';
import { checkProto } from './check-proto';
import { lineOfIdentifier, positionAt } from './source-position';

describe('schema.check for .proto', () => {
  it('accepts the default service', () => {
    expect(checkProto(DEFAULT_PROTO)).toEqual([]);
  });

  it('puts a syntax error at the line protobufjs names', () => {
    const source = 'syntax = "proto3";\n\nmessage A {\n  int32 x = 1\n}\n';
    expect(checkProto(source)).toEqual([{ line: 5, message: "illegal token '}', ';' expected" }]);
  });

  it('puts an unknown type at the first line that uses it, skipping comments', () => {
    const source = 'syntax = "proto3";\n// Missing is not defined\nmessage A {\n  Missing x = 1;\n}\n';
    const [error] = checkProto(source);
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/Missing/);
  });
});

describe('schema.check for GraphQL', () => {
  const valid = 'type Query {\n  order(id: ID!): Order\n}\n\ntype Order {\n  id: ID!\n}\n';

  it('accepts a valid schema and a query document', () => {
    expect(checkGraphql(valid)).toEqual([]);
    expect(checkGraphql('query { order(id: 1) { id } }')).toEqual([]);
    expect(checkGraphql('   ')).toEqual([]);
  });

  it('puts a syntax error at its line and column', () => {
    expect(checkGraphql('type Query {\n  a: Int\n  b Int\n}\n')).toEqual([
      { line: 3, column: 5, message: 'Expected ":", found Name "Int".' },
    ]);
  });

  it('reports unknown types and duplicates at the line that uses them', () => {
    const errors = checkGraphql('type Query {\n  a: Int\n  b: Missing\n}\n');
    expect(errors).toEqual([{ line: 3, column: 6, message: 'Unknown type "Missing".' }]);
  });

  it('requires a Query root type in a schema', () => {
    expect(checkGraphql('type Order {\n  id: ID\n}')).toEqual([
      { line: 1, message: 'Query root type must be provided.' },
    ]);
  });
});

describe('source positions', () => {
  it('maps offsets to 1-based lines and columns', () => {
    expect(positionAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab', 99)).toEqual({ line: 1, column: 3 });
  });

  it('finds whole identifiers only, outside comments', () => {
    const text = '/* Foo\n Foo */\nBar Foobar;\n// Foo\nx.Foo y;\nFoo z;';
    expect(lineOfIdentifier(text, 'Foo')).toBe(6);
    expect(lineOfIdentifier(text, 'Nope')).toBeNull();
  });
});
