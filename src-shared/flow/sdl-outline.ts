/**
 * A small outline reader for GraphQL: the root fields a schema (SDL) offers and the root
 * fields a query asks for. Enough to check that a client asks for something its service
 * defines; not a GraphQL parser (`graphql` is not a dependency), and it never throws.
 */

export type OperationType = 'query' | 'mutation' | 'subscription';

/** Root field names per operation type. */
export type SdlOutline = Record<OperationType, string[]>;

/** Splits GraphQL text into names, strings and punctuation; `#` comments are dropped. */
export function tokenizeGraphql(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/[\s,]/.test(c)) i += 1;
    else if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end + 1;
    } else if (text.startsWith('"""', i)) {
      const end = text.indexOf('"""', i + 3);
      i = end === -1 ? text.length : end + 3;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      tokens.push('"');
      i = j + 1;
    } else if (text.startsWith('...', i)) {
      tokens.push('...');
      i += 3;
    } else if (/[A-Za-z0-9_$]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j])) j += 1;
      tokens.push(text.slice(i, j));
      i = j;
    } else {
      tokens.push(c);
      i += 1;
    }
  }
  return tokens;
}

/** The Query, Mutation and Subscription fields of a schema (honouring a `schema { … }` block). */
export function outlineSdl(sdl: string): SdlOutline {
  const t = tokenizeGraphql(sdl);
  const roots: Record<OperationType, string> = {
    query: 'Query',
    mutation: 'Mutation',
    subscription: 'Subscription',
  };
  const fieldsByType = new Map<string, string[]>();
  let i = 0;
  while (i < t.length) {
    if (t[i] === 'schema' && t[i + 1] === '{') {
      i += 2;
      while (i < t.length && t[i] !== '}') {
        const op = t[i] as OperationType;
        if (op in roots && t[i + 1] === ':' && t[i + 2]) roots[op] = t[i + 2];
        i += op in roots ? 3 : 1;
      }
    } else if (t[i] === 'type' && isName(t[i + 1])) {
      const name = t[i + 1];
      i += 2;
      while (i < t.length && t[i] !== '{' && t[i] !== 'type') i += 1;
      if (t[i] !== '{') continue;
      const { fields, next } = readFields(t, i + 1);
      fieldsByType.set(name, [...(fieldsByType.get(name) ?? []), ...fields]);
      i = next;
    } else {
      i += 1;
    }
  }
  return {
    query: fieldsByType.get(roots.query) ?? [],
    mutation: fieldsByType.get(roots.mutation) ?? [],
    subscription: fieldsByType.get(roots.subscription) ?? [],
  };
}

/** Field names at depth one of a `{ … }` type body: `name(args): Type @directive(args)`. */
function readFields(t: string[], start: number): { fields: string[]; next: number } {
  const fields: string[] = [];
  let i = start;
  while (i < t.length && t[i] !== '}') {
    if (t[i] === '@') {
      i += 2;
      if (t[i] === '(') i = skipTo(t, i, '(', ')');
    } else if (t[i] === '(') {
      i = skipTo(t, i, '(', ')');
    } else if (isName(t[i]) && (t[i + 1] === ':' || t[i + 1] === '(')) {
      fields.push(t[i]);
      i += 1;
      if (t[i] === '(') i = skipTo(t, i, '(', ')');
      if (t[i] === ':') i = skipType(t, i + 1);
    } else {
      i += 1;
    }
  }
  return { fields, next: i + 1 };
}

/** Skips a type reference such as `[Order!]!` and returns the index after it. */
function skipType(t: string[], start: number): number {
  let i = start;
  while (t[i] === '[') i += 1;
  if (isName(t[i])) i += 1;
  while (t[i] === ']' || t[i] === '!') i += 1;
  return i;
}

/** The first operation of a query document: its type and the root fields it selects. */
export function outlineOperation(query: string): { type: OperationType; fields: string[] } | null {
  const t = tokenizeGraphql(query);
  let i = 0;
  let type: OperationType = 'query';
  if (t[0] === 'query' || t[0] === 'mutation' || t[0] === 'subscription') {
    type = t[0];
    i = 1;
    while (i < t.length && t[i] !== '{') i = t[i] === '(' ? skipTo(t, i, '(', ')') : i + 1;
  }
  if (t[i] !== '{') return null;
  const fields: string[] = [];
  i += 1;
  while (i < t.length && t[i] !== '}') {
    if (t[i] === '...') i += 2;
    else if (t[i] === '(') i = skipTo(t, i, '(', ')');
    else if (t[i] === '{') i = skipTo(t, i, '{', '}');
    else if (t[i] === '@') i += 2;
    else if (isName(t[i])) {
      // `alias: field` selects `field`.
      if (t[i + 1] === ':' && isName(t[i + 2])) {
        fields.push(t[i + 2]);
        i += 3;
      } else {
        fields.push(t[i]);
        i += 1;
      }
    } else i += 1;
  }
  return { type, fields };
}

function skipTo(t: string[], start: number, open: string, close: string): number {
  let depth = 0;
  for (let i = start; i < t.length; i += 1) {
    if (t[i] === open) depth += 1;
    else if (t[i] === close) {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return t.length;
}

function isName(token: string | undefined): token is string {
  return token !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(token);
}
