import { posix } from 'node:path';

/** Why an import (or the service's own .proto path) was refused. */
export class ProtoPathError extends Error {}

/**
 * Turns an import name, or a `protoFile` setting, into a normalised path relative to the
 * flow's folder, refusing anything that could leave it: absolute paths, drive letters,
 * backslashes and `..` segments that climb above the folder. Pure: symlinks are checked
 * separately against the real file system.
 */
export function relativeProtoPath(name: string, what: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new ProtoPathError(`${what} is empty`);
  if (trimmed.includes('\0')) throw new ProtoPathError(`${what} "${trimmed}" contains a NUL character`);
  if (trimmed.includes('\\'))
    throw new ProtoPathError(
      `${what} "${trimmed}" uses "\\"; write paths with "/" relative to the flow's folder`,
    );
  if (trimmed.startsWith('/') || /^[A-Za-z]:/.test(trimmed))
    throw new ProtoPathError(
      `${what} "${trimmed}" is an absolute path; only files inside the flow's folder can be used`,
    );
  const normal = posix.normalize(trimmed);
  if (normal === '..' || normal.startsWith('../'))
    throw new ProtoPathError(`${what} "${trimmed}" points outside the flow's folder`);
  return normal.replace(/^\.\//, '');
}

/**
 * Candidate locations of `importName` as imported by the file at `importer` (both relative
 * to the flow's folder): first from the folder itself, the way protoc resolves against its
 * include path, then beside the importing file. Candidates that would leave the folder are
 * dropped; if none is left the import is refused.
 */
export function importCandidates(importer: string, importName: string): string[] {
  const fromRoot = relativeProtoPath(importName, 'import');
  const dir = posix.dirname(importer);
  if (dir === '.' || dir === '') return [fromRoot];
  try {
    const beside = relativeProtoPath(posix.join(dir, importName), 'import');
    return beside === fromRoot ? [fromRoot] : [fromRoot, beside];
  } catch {
    return [fromRoot];
  }
}
