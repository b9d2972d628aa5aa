/** The parameters of a GraphQL-over-HTTP request, from a GET query string or a POST JSON body. */
export interface GraphqlRequestParams {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
  extensions: Record<string, unknown>;
}

export type ParsedGraphqlRequest =
  { ok: true; params: GraphqlRequestParams } | { ok: false; status: number; message: string; allow?: string };

/**
 * Reads a request the way the GraphQL-over-HTTP spec describes: GET with `query`,
 * `variables` (JSON), `operationName` and `extensions` (JSON) in the URL; POST with a JSON
 * body holding the same fields. Anything else gets a status and a sentence.
 */
export function parseGraphqlHttpRequest(
  method: string,
  searchParams: URLSearchParams,
  contentType: string | undefined,
  body: Buffer,
): ParsedGraphqlRequest {
  if (method === 'GET') {
    return fromFields(
      {
        query: searchParams.get('query') ?? undefined,
        variables: searchParams.get('variables') ?? undefined,
        operationName: searchParams.get('operationName') ?? undefined,
        extensions: searchParams.get('extensions') ?? undefined,
      },
      true,
    );
  }
  if (method !== 'POST')
    return {
      ok: false,
      status: 405,
      message: `GraphQL takes GET or POST, not ${method}`,
      allow: 'GET, POST',
    };
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json')
    return { ok: false, status: 415, message: 'a GraphQL POST must have Content-Type application/json' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (err) {
    return { ok: false, status: 400, message: `request body is not valid JSON: ${(err as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, status: 400, message: 'request body must be a JSON object with a "query"' };
  return fromFields(parsed as Record<string, unknown>, false);
}

function fromFields(fields: Record<string, unknown>, jsonEncoded: boolean): ParsedGraphqlRequest {
  const bad = (message: string): ParsedGraphqlRequest => ({ ok: false, status: 400, message });
  if (typeof fields.query !== 'string' || fields.query.trim() === '') return bad('"query" is required');
  if (fields.operationName != null && typeof fields.operationName !== 'string')
    return bad('"operationName" must be a string');
  const variables = objectField(fields.variables, 'variables', jsonEncoded);
  if (typeof variables === 'string') return bad(variables);
  const extensions = objectField(fields.extensions, 'extensions', jsonEncoded);
  if (typeof extensions === 'string') return bad(extensions);
  return {
    ok: true,
    params: {
      query: fields.query,
      variables,
      operationName: (fields.operationName as string | null | undefined) ?? null,
      extensions,
    },
  };
}

/** The object, or a sentence saying what is wrong with it. */
function objectField(value: unknown, name: string, jsonEncoded: boolean): Record<string, unknown> | string {
  if (value == null) return {};
  let decoded = value;
  if (jsonEncoded) {
    try {
      decoded = JSON.parse(value as string);
    } catch {
      return `"${name}" must be JSON`;
    }
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded))
    return `"${name}" must be a JSON object`;
  return decoded as Record<string, unknown>;
}
