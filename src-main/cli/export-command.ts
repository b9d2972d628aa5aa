import { resolve } from 'node:path';
import { exportFileName } from '@shared/export/export-flow';
import { EXPORT_BACKGROUNDS, type ExportBackground, type ExportFormat } from '@shared/export/export-types';
import { exportFlowHeadless, writeExport } from '../export/export-to-file';
import { EXIT, UsageError, type ExportArgs } from './cli-args';
import { localEnvironment } from './cli-environment';
import { readFlowFile } from './read-flow-file';

interface Io {
  out: NodeJS.WriteStream;
  err: NodeJS.WriteStream;
}

/** The formats `flowbench export` offers (a trace diagram needs a recorded trace: the app makes it). */
const CLI_FORMATS: readonly ExportFormat[] = ['png', 'svg', 'mermaid', 'asyncapi', 'compose', 'flow'];

/**
 * `flowbench export`: the same exporters as File → Export… in the app (exportFlow), PNG
 * rasterized headlessly with resvg; written atomically, or to stdout with `--out -`.
 */
export async function exportCommand(args: ExportArgs, io: Io): Promise<number> {
  const format = args.format as ExportFormat;
  if (!CLI_FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${CLI_FORMATS.join(', ')} (got "${args.format}")`);
  }
  if (!(EXPORT_BACKGROUNDS as readonly string[]).includes(args.background)) {
    throw new UsageError(`--background must be one of ${EXPORT_BACKGROUNDS.join(', ')}`);
  }
  if (args.env !== 'local' && args.env !== 'embedded')
    throw new UsageError('--env must be local or embedded');
  if (args.out === '-' && format === 'png')
    throw new UsageError('a PNG cannot go to stdout: give --out <file>');

  const file = resolve(args.flowFile);
  const read = await readFlowFile(file);
  if (!read.ok) {
    for (const l of read.lines) io.err.write(`${l}\n`);
    return read.unreadable ? EXIT.usage : EXIT.failed;
  }
  const result = await exportFlowHeadless(read.flow, format, {
    scale: args.scale,
    background: args.background as ExportBackground,
    environment: args.env === 'local' ? localEnvironment() : { kind: 'embedded' },
  });
  if (args.out === '-') {
    io.out.write(result.kind === 'text' ? result.text : '');
    return EXIT.ok;
  }
  const target = resolve(args.out ?? exportFileName(read.flow.name, format));
  await writeExport(target, result);
  io.out.write(`${target}: ${format} export of "${read.flow.name}"\n`);
  return EXIT.ok;
}
