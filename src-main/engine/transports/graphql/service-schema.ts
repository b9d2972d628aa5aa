import { buildASTSchema, parse } from 'graphql';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import { checkGraphql } from '../../schema/check-graphql';

/** A schema that cannot be served; `line` and `column` point into the SDL. */
export class GraphqlSchemaError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'GraphqlSchemaError';
  }
}

/**
 * Builds a servable schema from SDL, or throws GraphqlSchemaError for the first problem
 * with its line: a syntax error, an operation where only types belong, an unknown type,
 * a duplicate name, or a schema with no Query type. Each call returns a new schema
 * object, so binding resolvers onto it never leaks into another server.
 */
export function buildServiceSchema(sdl: string, node: string): GraphQLSchema {
  const fail = (message: string, line: number, column?: number): never => {
    const where = column === undefined ? `line ${line}` : `line ${line}, column ${column}`;
    throw new GraphqlSchemaError(`"${node}": schema (SDL) ${where}: ${message}`, line, column);
  };
  if (sdl.trim() === '') fail('is empty; it needs at least a Query type', 1);
  const problems = checkGraphql(sdl);
  if (problems.length > 0) fail(problems[0].message, problems[0].line, problems[0].column);
  let document;
  try {
    document = parse(sdl);
  } catch (err) {
    const at = (err as GraphQLError).locations?.[0];
    return fail((err as Error).message, at?.line ?? 1, at?.column);
  }
  // checkGraphql accepts operations (it also checks client queries); a service schema may not hold one.
  const operation = document.definitions.find(
    (d) => d.kind === 'OperationDefinition' || d.kind === 'FragmentDefinition',
  );
  if (operation) {
    const at = operation.loc?.startToken;
    fail('holds a query or fragment; a schema has only type definitions', at?.line ?? 1, at?.column);
  }
  return buildASTSchema(document, { assumeValidSDL: true });
}
