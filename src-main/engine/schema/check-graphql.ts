import { buildASTSchema, parse, validateSchema, type DocumentNode, type GraphQLError } from 'graphql';
import { validateSDL } from 'graphql/validation/validate';
import type { SourceError } from '@shared/api/contract';

/**
 * Checks GraphQL text. A schema (SDL: only type-system definitions) is parsed, validated
 * and built, so unknown types and duplicate names are reported too; a query or mutation
 * document is only parsed, since no schema is at hand to validate it against. Every
 * error carries the line and column graphql-js gives it.
 */
export function checkGraphql(source: string): SourceError[] {
  if (source.trim() === '') return [];
  let document: DocumentNode;
  try {
    document = parse(source);
  } catch (err) {
    return [toSourceError(err as GraphQLError)];
  }
  const executable = document.definitions.some(
    (d) => d.kind === 'OperationDefinition' || d.kind === 'FragmentDefinition',
  );
  if (executable) return [];
  const sdlErrors = validateSDL(document);
  if (sdlErrors.length > 0) return sdlErrors.map(toSourceError);
  try {
    return validateSchema(buildASTSchema(document, { assumeValidSDL: true })).map(toSourceError);
  } catch (err) {
    return [{ line: 1, message: err instanceof Error ? err.message : String(err) }];
  }
}

function toSourceError(err: GraphQLError): SourceError {
  const at = err.locations?.[0];
  // graphql-js prefixes syntax errors; the editor already says it is an error.
  const message = err.message.replace(/^Syntax Error: /, '');
  return at ? { line: at.line, column: at.column, message } : { line: 1, message };
}
