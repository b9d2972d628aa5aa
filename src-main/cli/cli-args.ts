import { parseArgs } from 'node:util';

/** Exit codes of every `flowbench` command. */
export const EXIT = {
  ok: 0,
  /** An assertion failed, or the flow has problems. */
  failed: 1,
  /** Bad command line, or a file that cannot be read. */
  usage: 2,
  /** The run could not start or broke down (broker unreachable, node in error before the end). */
  runError: 3,
} as const;

export const USAGE = `Usage: flowbench <command> [options]

Commands:
  run <flow.json>       run a flow without a UI and check its assertions
      --env <name>        embedded (default), local, or the id of a saved environment (needs --db)
      --duration <time>   stop after this long, e.g. 10s, 500ms, 2m (default: when the sources finish)
      --messages <n>      stop once the sources have sent n messages in total
      --timeout <time>    give up waiting for the sources after this long (default 60s)
      --db <file>         keep the recording in this SQLite file (default: a temporary one)
      --report <file>     write a JUnit XML report of the assertions
  validate <flow.json>  check a flow file; prints every problem with its place
  export <flow.json>    write the flow as another format
      --format <f>        png, svg, mermaid, asyncapi, compose or flow (required)
      --out <file>        where to write (default: a name from the flow in this folder; - for stdout)
      --scale <n>         png: 1, 2 or 4 (default 1)
      --background <b>    png, svg: light (default), dark or transparent
      --env <name>        asyncapi, compose: embedded or local (default local: FLOWBENCH_KAFKA_BROKERS, FLOWBENCH_AMQP_URL)
  replay                send recorded messages again (recorded in a --db of an earlier run)
      --db <file>         the recording (required)
      --run <id|latest>   every message of that run (default latest)
      --messages <ids>    or these message ids, e.g. 12,13,20
      --to <target>       original (default), kafka:<topic>, queue:<queue>, exchange:<name>[:<key>],
                          http:<METHOD>:<url> (e.g. http:POST:http://127.0.0.1:8080/orders)
      --pace <p>          fast (default), recorded[:speed], rate:<per second>
      --env <name>        brokers to send to: local (default) or embedded
      --dry-run           print what would be sent; send nothing
  help                  this text

Exit codes: 0 passed, 1 an assertion failed or the flow has problems,
            2 bad command line or unreadable file, 3 the run could not start or broke down.`;

/** A command line that cannot be acted on; the message says what is wrong. */
export class UsageError extends Error {}

export interface RunArgs {
  command: 'run';
  flowFile: string;
  env: string;
  durationMs?: number;
  messages?: number;
  timeoutMs: number;
  db?: string;
  report?: string;
}

export interface ValidateArgs {
  command: 'validate';
  flowFile: string;
}

export interface ExportArgs {
  command: 'export';
  flowFile: string;
  format: string;
  out?: string;
  scale: number;
  background: string;
  env: string;
}

export interface ReplayArgs {
  command: 'replay';
  db: string;
  run: string;
  messages?: number[];
  to: string;
  pace: string;
  env: string;
  dryRun: boolean;
}

export type CliArgs = RunArgs | ValidateArgs | ExportArgs | ReplayArgs | { command: 'help' };

/** Parses `flowbench …` arguments (without node and the script). Throws UsageError. */
export function parseCliArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { command: 'help' };
  }
  if (command === 'run') return parseRun(rest);
  if (command === 'validate') {
    const { positionals } = strictParse(rest, {});
    return { command: 'validate', flowFile: onePositional(positionals, 'validate') };
  }
  if (command === 'export') return parseExport(rest);
  if (command === 'replay') return parseReplay(rest);
  throw new UsageError(`unknown command "${command}"`);
}

function parseExport(rest: string[]): ExportArgs {
  const { values, positionals } = strictParse(rest, {
    format: { type: 'string' },
    out: { type: 'string' },
    scale: { type: 'string', default: '1' },
    background: { type: 'string', default: 'light' },
    env: { type: 'string', default: 'local' },
  });
  if (typeof values.format !== 'string') throw new UsageError('export needs --format');
  const scale = Number(values.scale);
  if (![1, 2, 4].includes(scale)) throw new UsageError('--scale must be 1, 2 or 4');
  const args: ExportArgs = {
    command: 'export',
    flowFile: onePositional(positionals, 'export'),
    format: values.format,
    scale,
    background: String(values.background),
    env: String(values.env),
  };
  if (typeof values.out === 'string') args.out = values.out;
  return args;
}

function parseReplay(rest: string[]): ReplayArgs {
  const { values, positionals } = strictParse(rest, {
    db: { type: 'string' },
    run: { type: 'string', default: 'latest' },
    messages: { type: 'string' },
    to: { type: 'string', default: 'original' },
    pace: { type: 'string', default: 'fast' },
    env: { type: 'string', default: 'local' },
    'dry-run': { type: 'boolean' },
  });
  if (positionals.length > 0)
    throw new UsageError(`replay takes no file (got ${positionals.join(' ')}); give --db`);
  if (typeof values.db !== 'string')
    throw new UsageError('replay needs --db, the recording of an earlier run');
  const args: ReplayArgs = {
    command: 'replay',
    db: values.db,
    run: String(values.run),
    to: String(values.to),
    pace: String(values.pace),
    env: String(values.env),
    dryRun: values['dry-run'] === true,
  };
  if (typeof values.messages === 'string') {
    const ids = values.messages.split(',').map((s) => s.trim());
    if (ids.some((id) => !/^\d+$/.test(id) || Number(id) < 1)) {
      throw new UsageError('--messages must be message ids separated by commas, e.g. 12,13,20');
    }
    args.messages = ids.map(Number);
  }
  return args;
}

function parseRun(rest: string[]): RunArgs {
  const { values, positionals } = strictParse(rest, {
    env: { type: 'string', default: 'embedded' },
    duration: { type: 'string' },
    messages: { type: 'string' },
    timeout: { type: 'string', default: '60s' },
    db: { type: 'string' },
    report: { type: 'string' },
  });
  const args: RunArgs = {
    command: 'run',
    flowFile: onePositional(positionals, 'run'),
    env: String(values.env),
    timeoutMs: parseDuration(String(values.timeout), '--timeout'),
  };
  if (typeof values.duration === 'string') args.durationMs = parseDuration(values.duration, '--duration');
  if (typeof values.messages === 'string') args.messages = parseCount(values.messages, '--messages');
  if (args.durationMs !== undefined && args.messages !== undefined) {
    throw new UsageError('give --duration or --messages, not both');
  }
  if (typeof values.db === 'string') args.db = values.db;
  if (typeof values.report === 'string') args.report = values.report;
  return args;
}

type Options = Record<string, { type: 'string'; default?: string } | { type: 'boolean' }>;

function strictParse(
  args: string[],
  options: Options,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function onePositional(positionals: string[], command: string): string {
  if (positionals.length !== 1)
    throw new UsageError(`${command} takes one flow file (got ${positionals.length})`);
  return positionals[0];
}

/** `10s`, `500ms`, `2m`, or a plain number of seconds → milliseconds. */
export function parseDuration(text: string, option: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!m) throw new UsageError(`${option} must be a duration such as 10s, 500ms or 2m (got "${text}")`);
  const n = Number(m[1]);
  const ms = m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000;
  if (ms <= 0 || ms > 24 * 3_600_000) throw new UsageError(`${option} must be more than 0 and at most 24h`);
  return Math.round(ms);
}

function parseCount(text: string, option: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`${option} must be a whole number ≥ 1`);
  return Number(text);
}
