import { dirname, resolve } from 'node:path';
import { compileFlow } from '../engine/compiler/compile-flow';
import { EXIT, type ValidateArgs } from './cli-args';
import { problemLine, readFlowFile } from './read-flow-file';

interface Io {
  out: NodeJS.WriteStream;
  err: NodeJS.WriteStream;
}

/**
 * `flowbench validate`: the checks a run makes before anything connects (the engine's own
 * compiler: file format, node settings, edges, .proto and GraphQL sources, assertions),
 * printed as `file:line:column: where: message`.
 */
export async function validateCommand(args: ValidateArgs, io: Io): Promise<number> {
  const file = resolve(args.flowFile);
  const read = await readFlowFile(file);
  if (!read.ok) {
    for (const l of read.lines) io.err.write(`${l}\n`);
    return read.unreadable ? EXIT.usage : EXIT.failed;
  }
  const compiled = compileFlow(JSON.parse(read.text) as unknown, { flowDir: dirname(file) });
  if (!compiled.ok) {
    for (const p of compiled.problems) io.err.write(`${problemLine(file, read.text, p)}\n`);
    io.err.write(`${compiled.problems.length} problem(s)\n`);
    return EXIT.failed;
  }
  const assertions = read.flow.assertions?.length ?? 0;
  io.out.write(
    `${file}: valid ("${read.flow.name}", ${read.flow.nodes.length} nodes, ${read.flow.edges.length} edges, ${assertions} assertions)\n`,
  );
  return EXIT.ok;
}
