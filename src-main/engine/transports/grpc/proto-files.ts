import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import protobuf from 'protobufjs';
import { ProtoError, serviceFromRoot, type LoadedService } from './load-proto';
import { protoErrorPosition } from './proto-error-position';
import { importCandidates, relativeProtoPath } from './proto-import-path';
import { addBundled, wellKnownWithDependencies } from './well-known-protos';

/** Where a service's .proto comes from. */
export interface ProtoSourceSpec {
  /** The flow's folder. Every file read must resolve (symlinks included) inside it; null for an unsaved flow. */
  flowDir: string | null;
  /** Main .proto path relative to `flowDir`; when set, `source` is not used. */
  protoFile?: string;
  /** Inline main source; its imports resolve relative to `flowDir`. */
  source?: string;
  /** How errors name the inline source. */
  sourceName?: string;
  /** Imported sources kept in the flow itself (import name → source), looked up before the folder. */
  inlineImports?: Record<string, string>;
}

/** A parsed and resolved set of .proto files. */
export interface LoadedProtoRoot {
  root: protobuf.Root;
  /** Files read, relative to the flow's folder (or the inline names), main file first. */
  files: string[];
}

// protobufjs stamps each parsed type with this file name (its typings omit the property).
const parserState = protobuf.parse as unknown as { filename: string | null };
const MAX_PROTO_BYTES = 5_000_000;
const MAX_IMPORT_DEPTH = 64;

/**
 * Loads a .proto and everything it imports into one protobufjs root. Imports are looked up
 * among the inline imports, then among the google/protobuf well-known types, then inside the
 * flow's folder only. Any problem is a ProtoError carrying the file, line and (when it can be
 * found) column, with a message of the form `orders.proto:4:3: illegal token '}'`.
 */
export function loadProtoRoot(spec: ProtoSourceSpec): LoadedProtoRoot {
  const root = new protobuf.Root();
  const sources = new Map<string, string>();
  const folder = spec.flowDir === null ? null : realFolder(spec.flowDir);
  const inline = spec.inlineImports ?? {};

  const read = (rel: string, asked: string, from?: { file: string; line?: number }): string => {
    if (folder === null) throw located(`cannot read ${asked}: the flow is not saved in a folder yet`, from);
    let real: string;
    try {
      real = realpathSync(join(folder, rel));
    } catch (err) {
      throw located(
        `cannot read ${asked} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
        from,
      );
    }
    if (real !== folder && !real.startsWith(folder + sep))
      throw located(`${asked} resolves through a symbolic link to outside the flow's folder`, from);
    try {
      const stat = statSync(real);
      if (!stat.isFile()) throw located(`${asked} is not a file`, from);
      if (stat.size > MAX_PROTO_BYTES)
        throw located(`${asked} is larger than ${MAX_PROTO_BYTES} bytes`, from);
      return readFileSync(real, 'utf8');
    } catch (err) {
      if (err instanceof ProtoError) throw err;
      throw located(
        `cannot read ${asked} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
        from,
      );
    }
  };

  const onDisk = new Set<string>();
  const parseFile = (name: string, source: string, depth: number): void => {
    if (sources.has(name)) return;
    if (depth > MAX_IMPORT_DEPTH)
      throw new ProtoError(`${name}: imports nest deeper than ${MAX_IMPORT_DEPTH}`, undefined, name);
    sources.set(name, source);
    let imports: string[];
    try {
      parserState.filename = name;
      const parsed = protobuf.parse(source, root, { keepCase: true });
      imports = [...(parsed.imports ?? []), ...(parsed.weakImports ?? [])];
    } catch (err) {
      throw positioned(name, source, err);
    } finally {
      parserState.filename = null;
    }
    for (const imported of imports) {
      const from = { file: name, line: lineOfImport(source, imported) };
      const known = wellKnownWithDependencies(imported);
      if (known.length > 0) {
        for (const [wellKnown, proto] of known) {
          if (sources.has(wellKnown)) continue;
          sources.set(wellKnown, '');
          addBundled(root, proto);
        }
        continue;
      }
      if (imported in inline) {
        parseFile(imported, inline[imported], depth + 1);
        continue;
      }
      let candidates: string[];
      try {
        candidates = importCandidates(onDisk.has(name) ? name : '', imported);
      } catch (err) {
        throw located((err as Error).message, from);
      }
      const found = candidates.find((c) => folder !== null && existsSync(join(folder, c)));
      if (found === undefined) {
        const where =
          folder === null
            ? 'the flow is not saved in a folder yet'
            : `looked for ${candidates.join(', ')} in the flow's folder`;
        throw located(`import "${imported}" not found (${where})`, from);
      }
      if (!sources.has(found)) {
        onDisk.add(found);
        parseFile(found, read(found, `import "${imported}"`, from), depth + 1);
      }
    }
  };

  if (spec.protoFile) {
    let rel: string;
    try {
      rel = relativeProtoPath(spec.protoFile, 'protoFile');
    } catch (err) {
      throw new ProtoError((err as Error).message);
    }
    if (folder !== null && !existsSync(join(folder, rel)))
      throw new ProtoError(`protoFile "${rel}" not found in the flow's folder (${folder})`);
    onDisk.add(rel);
    parseFile(rel, read(rel, `protoFile "${rel}"`), 0);
  } else {
    parseFile(spec.sourceName ?? '(inline .proto)', spec.source ?? '', 0);
  }
  try {
    root.resolveAll();
  } catch (err) {
    throw resolveError(root, sources, err);
  }
  return { root, files: [...sources.keys()].filter((f) => sources.get(f) !== '') };
}

/** Loads the service `serviceName` from `spec`; see loadProtoRoot for where files come from. */
export function loadFlowProtoService(spec: ProtoSourceSpec, serviceName: string): LoadedService {
  return serviceFromRoot(loadProtoRoot(spec).root, serviceName);
}

function realFolder(dir: string): string {
  try {
    return realpathSync(dir);
  } catch (err) {
    throw new ProtoError(`the flow's folder ${dir} cannot be read (${(err as Error).message})`);
  }
}

function located(message: string, from?: { file: string; line?: number }): ProtoError {
  if (!from) return new ProtoError(message);
  return new ProtoError(`${from.file}${from.line ? `:${from.line}` : ''}: ${message}`, from.line, from.file);
}

function positioned(file: string, source: string, err: unknown): ProtoError {
  const raw = err instanceof Error ? err.message : String(err);
  const { message, line, column } = protoErrorPosition(raw, source);
  const where = `${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}`;
  return new ProtoError(`${where}: ${message}`, line, file, column);
}

// A resolve error names the type that contains the bad reference ("in Type .pkg.Order");
// that type remembers the file it was parsed from.
function resolveError(root: protobuf.Root, sources: Map<string, string>, err: unknown): ProtoError {
  const raw = err instanceof Error ? err.message : String(err);
  const owner = / in (?:Type|Service|Namespace|Enum|Root) (\.[\w.]+)/.exec(raw)?.[1];
  let file: string | undefined;
  if (owner) {
    try {
      file = root.lookup(owner)?.filename ?? undefined;
    } catch {
      file = undefined;
    }
  }
  const ordered = file && sources.has(file) ? [file] : [...sources.keys()];
  for (const name of ordered) {
    const at = protoErrorPosition(raw, sources.get(name) ?? '');
    if (at.line) return positioned(name, sources.get(name) ?? '', err);
  }
  const first = file ?? [...sources.keys()][0];
  return new ProtoError(`${first}: ${raw}`, undefined, first);
}

function lineOfImport(source: string, imported: string): number | undefined {
  const lines = source.split('\n');
  const quoted = [`"${imported}"`, `'${imported}'`];
  const i = lines.findIndex((l) => /^\s*import\b/.test(l) && quoted.some((q) => l.includes(q)));
  return i >= 0 ? i + 1 : undefined;
}
