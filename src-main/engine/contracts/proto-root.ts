import protobuf from 'protobufjs';
import { ContractCompileError } from './contract-types';

/**
 * One protobuf root holding every .proto file of a flow, so a contract can name any
 * message type they define. `files` maps the name used in `import "…";` lines to the
 * source; google/protobuf well-known types come bundled with protobufjs. A file that
 * does not parse is reported with its name and line.
 */
export function buildProtoRoot(files: Readonly<Record<string, string>>): protobuf.Root {
  const root = new protobuf.Root();
  const loaded = new Set<string>();
  // Two services of a flow often share one .proto text (or both use the sample): parse it once.
  const sources = new Set<string>();
  const load = (name: string, source: string): void => {
    if (loaded.has(name) || sources.has(source)) return;
    loaded.add(name);
    sources.add(source);
    let parsed: protobuf.IParserResult;
    try {
      parsed = protobuf.parse(source, root, { keepCase: true });
    } catch (err) {
      const message = (err as Error).message;
      const line = /line (\d+)/.exec(message);
      throw new ContractCompileError(`proto file ${name}`, message, line ? Number(line[1]) : undefined);
    }
    for (const dep of [...(parsed.imports ?? []), ...(parsed.weakImports ?? [])]) {
      if (files[dep] !== undefined) load(dep, files[dep]);
      else if (!addCommon(root, dep, loaded)) {
        throw new ContractCompileError(
          `proto file ${name}`,
          `imports "${dep}", which is not among the flow's .proto files`,
        );
      }
    }
  };
  for (const [name, source] of Object.entries(files)) load(name, source);
  try {
    root.resolveAll();
  } catch (err) {
    throw new ContractCompileError('proto files', (err as Error).message);
  }
  return root;
}

/** Adds a bundled google/protobuf/*.proto definition; false when protobufjs has none by that name. */
function addCommon(root: protobuf.Root, name: string, loaded: Set<string>): boolean {
  if (loaded.has(name)) return true;
  const json = protobuf.common.get(name);
  if (!json) return false;
  loaded.add(name);
  root.addJSON(json.nested ?? {});
  return true;
}
