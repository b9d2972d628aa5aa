/**
 * A small outline reader for `.proto` text: package, services and their rpc methods.
 * It is not a protobuf compiler: the canvas only needs method names and streaming flags
 * to draw one handle per unary method, and it must never throw on half-typed text.
 */

/** One rpc method and its streaming flags. */
export interface ProtoMethod {
  name: string;
  requestType: string;
  responseType: string;
  clientStreaming: boolean;
  serverStreaming: boolean;
}

/** One service of a .proto and its methods. */
export interface ProtoService {
  name: string;
  /** `package.Service`, or just `Service` when the file has no package. */
  fullName: string;
  methods: ProtoMethod[];
}

/** What the canvas needs from a .proto: its package and services. */
export interface ProtoOutline {
  package: string;
  services: ProtoService[];
}

/** Splits proto text into identifiers (dots allowed), strings and single punctuation marks. */
export function tokenizeProto(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else if (c === '"' || c === "'") {
      // Strings are kept whole so a brace or "rpc" inside an option value is not read as syntax.
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      tokens.push(text.slice(i, j + 1));
      i = j + 1;
    } else if (/[A-Za-z0-9_.]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_.]/.test(text[j])) j += 1;
      tokens.push(text.slice(i, j));
      i = j;
    } else {
      tokens.push(c);
      i += 1;
    }
  }
  return tokens;
}

/** Reads the package and every service with its methods. Unknown or broken parts are skipped. */
export function outlineProto(text: string): ProtoOutline {
  const t = tokenizeProto(text);
  let pkg = '';
  const services: ProtoService[] = [];
  let i = 0;
  while (i < t.length) {
    if (t[i] === 'package' && isIdent(t[i + 1])) {
      pkg = t[i + 1];
      i += 2;
    } else if (t[i] === 'service' && isIdent(t[i + 1]) && t[i + 2] === '{') {
      const name = t[i + 1];
      const { methods, next } = readServiceBody(t, i + 3);
      services.push({ name, fullName: '', methods });
      i = next;
    } else if (t[i] === '{') {
      // Messages, enums and options blocks hold nothing the outline needs.
      i = skipBlock(t, i);
    } else {
      i += 1;
    }
  }
  for (const s of services) s.fullName = pkg ? `${pkg}.${s.name}` : s.name;
  return { package: pkg, services };
}

/** The unary methods of one service (or of the first service when the name is not found). */
export function unaryMethods(outline: ProtoOutline, serviceName: string): ProtoMethod[] {
  const wanted = serviceName.trim();
  const service =
    outline.services.find((s) => s.fullName === wanted || s.name === wanted) ?? outline.services[0];
  return service ? service.methods.filter((m) => !m.clientStreaming && !m.serverStreaming) : [];
}

function readServiceBody(t: string[], start: number): { methods: ProtoMethod[]; next: number } {
  const methods: ProtoMethod[] = [];
  let i = start;
  while (i < t.length && t[i] !== '}') {
    if (t[i] === 'rpc') {
      const parsed = readRpc(t, i + 1);
      if (parsed.method) methods.push(parsed.method);
      i = parsed.next;
    } else if (t[i] === '{') {
      i = skipBlock(t, i);
    } else {
      i += 1;
    }
  }
  return { methods, next: i + 1 };
}

/** rpc Name ( [stream] Req ) returns ( [stream] Res ) ( ; | { options } ) */
function readRpc(t: string[], start: number): { method: ProtoMethod | null; next: number } {
  let i = start;
  const name = t[i];
  if (!isIdent(name) || t[i + 1] !== '(') return { method: null, next: i };
  i += 2;
  const req = readType(t, i);
  i = req.next;
  if (t[i] !== 'returns' || t[i + 1] !== '(') return { method: null, next: i };
  const res = readType(t, i + 2);
  i = res.next;
  if (t[i] === '{') i = skipBlock(t, i);
  else if (t[i] === ';') i += 1;
  if (!req.type || !res.type) return { method: null, next: i };
  return {
    method: {
      name,
      requestType: req.type,
      responseType: res.type,
      clientStreaming: req.stream,
      serverStreaming: res.stream,
    },
    next: i,
  };
}

/** Reads `[stream] Type )` and returns the index after the closing parenthesis. */
function readType(t: string[], start: number): { type: string; stream: boolean; next: number } {
  let i = start;
  let stream = false;
  // `stream` is a keyword only when a type name follows it; a message may itself be called "stream".
  if (t[i] === 'stream' && isIdent(t[i + 1])) {
    stream = true;
    i += 1;
  }
  const type = isIdent(t[i]) ? t[i] : '';
  if (type) i += 1;
  if (t[i] === ')') i += 1;
  return { type, stream, next: i };
}

/** Returns the index after the block that opens at `start` (which must be `{`). */
function skipBlock(t: string[], start: number): number {
  let depth = 0;
  for (let i = start; i < t.length; i += 1) {
    if (t[i] === '{') depth += 1;
    else if (t[i] === '}') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return t.length;
}

function isIdent(token: string | undefined): token is string {
  return token !== undefined && /^[A-Za-z_.][A-Za-z0-9_.]*$/.test(token);
}

/** Every method (all four kinds) of one service, or of the first service when the name is not found. */
export function serviceMethods(outline: ProtoOutline, serviceName: string): ProtoMethod[] {
  const wanted = serviceName.trim();
  const service =
    outline.services.find((s) => s.fullName === wanted || s.name === wanted) ?? outline.services[0];
  return service ? service.methods : [];
}

/** `unary`, `server streaming`, `client streaming` or `bidirectional`, for labels and messages. */
export function methodKind(m: ProtoMethod): string {
  if (m.clientStreaming && m.serverStreaming) return 'bidirectional';
  if (m.clientStreaming) return 'client streaming';
  if (m.serverStreaming) return 'server streaming';
  return 'unary';
}
