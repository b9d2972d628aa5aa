import { Kind, getOperationAST } from 'graphql';
import type { DocumentNode } from 'graphql';

/** The type of the operation a request runs, and its first root field (a subscription's event name). */
export function operationInfo(
  document: DocumentNode,
  operationName: string | null | undefined,
): { type: 'query' | 'mutation' | 'subscription' | null; field: string | null } {
  const operation = getOperationAST(document, operationName);
  if (!operation) return { type: null, field: null };
  const first = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  return { type: operation.operation, field: first?.kind === Kind.FIELD ? first.name.value : null };
}
