import { lineOfIdentifier } from '../../schema/source-position';

/** Where in a .proto file a protobufjs error points, with its message stripped of the position. */
export interface ProtoErrorPosition {
  message: string;
  line?: number;
  column?: number;
}

// protobufjs ends positioned errors with "(line N)" or "(file.proto, line N)".
const LINE_SUFFIX = /\s*\((?:[^()]*, )?line (\d+)\)\s*$/;
const ILLEGAL_TOKEN = /^illegal (?:token|name|value|id|option|type|string|syntax|keyword|\w+) '([^']*)'/;
const UNRESOLVED = /no such (?:type|Type or Enum|Enum|Type|Service)[: ]+'?([\w.]+)'?/;

/**
 * Reads the line (and, when the offending token can be found on that line, the column) out
 * of a protobufjs parse or resolve error for `source`. Unresolved type names, which
 * protobufjs reports without a position, are placed at the first line that mentions them.
 */
export function protoErrorPosition(rawMessage: string, source: string): ProtoErrorPosition {
  const suffix = LINE_SUFFIX.exec(rawMessage);
  if (suffix) {
    const message = rawMessage.slice(0, suffix.index);
    const line = Number(suffix[1]);
    const token = ILLEGAL_TOKEN.exec(message)?.[1];
    const column = token ? columnOfToken(source, line, token) : undefined;
    return column === undefined ? { message, line } : { message, line, column };
  }
  const missing = UNRESOLVED.exec(rawMessage);
  if (missing) {
    const name = missing[1];
    const line = lineOfIdentifier(source, name) ?? lineOfIdentifier(source, name.split('.').pop() ?? name);
    if (line !== null) {
      const column = columnOfToken(source, line, name);
      return column === undefined ? { message: rawMessage, line } : { message: rawMessage, line, column };
    }
  }
  return { message: rawMessage };
}

/** 1-based column of the first `token` on 1-based `line` outside a line comment; undefined if absent. */
export function columnOfToken(source: string, line: number, token: string): number | undefined {
  if (token === '') return undefined;
  const text = source.split('\n')[line - 1];
  if (text === undefined) return undefined;
  const comment = text.indexOf('//');
  const code = comment >= 0 ? text.slice(0, comment) : text;
  const at = code.indexOf(token);
  return at >= 0 ? at + 1 : undefined;
}
