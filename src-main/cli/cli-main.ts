import { EXIT, parseCliArgs, USAGE, UsageError } from './cli-args';
import { exportCommand } from './export-command';
import { replayCommand } from './replay-command';
import { runCommand } from './run-command';
import { validateCommand } from './validate-command';

/*
 * `flowbench`: the headless face of the engine (built as out/cli/flowbench.js). Runs,
 * validates and exports flow files for CI; the same engine as the app, no second one.
 */

async function main(argv: string[]): Promise<number> {
  const io = { out: process.stdout, err: process.stderr, signal: interrupt.signal };
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`flowbench: ${err.message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  switch (args.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    case 'validate':
      return validateCommand(args, io);
    case 'run':
      return runCommand(args, io);
    case 'export':
      return exportCommand(args, io);
    case 'replay':
      return replayCommand(args, io);
  }
}

const interrupt = new AbortController();
process.on('SIGINT', () => {
  // A second Ctrl+C means "now"; the first lets the run stop and close its clients.
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
  process.stderr.write('\nflowbench: interrupted, stopping (Ctrl+C again to quit now)\n');
});

main(process.argv.slice(2)).then(
  // Exits explicitly: client libraries may keep timers alive after the engine closed.
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`flowbench: ${err.message}\n`);
      process.exit(EXIT.usage);
    }
    process.stderr.write(`flowbench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(EXIT.runError);
  },
);
