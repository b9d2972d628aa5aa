import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { replayPlanSchema, type ReplayPlanInput, type ReplayRecord } from '@shared/api/replay-requests';
import { createEngine } from '../engine/engine';
import type { Engine } from '../engine/engine-types';
import { EXIT, UsageError, type ReplayArgs } from './cli-args';
import { localEnvironment } from './cli-environment';
import { createProgress } from './progress';

interface Io {
  out: NodeJS.WriteStream;
  err: NodeJS.WriteStream;
  signal?: AbortSignal;
}

const POLL_MS = 200;

/**
 * `flowbench replay`: the replay engine of the app (issue 6) on a recording made by an
 * earlier `flowbench run --db`: messages of a run (or by id) sent again to where they went or
 * to another topic, queue, exchange or HTTP URL, each recorded as a new trace linked to its
 * original in the same database.
 */
export async function replayCommand(args: ReplayArgs, io: Io): Promise<number> {
  const db = resolve(args.db);
  if (!existsSync(db)) throw new UsageError(`no recording at ${db} (make one with flowbench run --db)`);
  const dataDir = await mkdtemp(join(tmpdir(), 'flowbench-replay-'));
  let engine: Engine | undefined;
  const progress = createProgress(io.out);
  try {
    engine = await createEngine({ dataDir, dbFile: db, emit: () => undefined });
    const source = args.messages
      ? { kind: 'messages' as const, ids: args.messages }
      : { kind: 'run' as const, runId: await runIdOf(engine, args.run) };
    const input: ReplayPlanInput = {
      source,
      target: parseTarget(args.to),
      pacing: parsePace(args.pace),
      environment: args.env === 'embedded' ? { kind: 'embedded' } : localEnvironment(),
    };
    const parsed = replayPlanSchema.safeParse(input);
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
    const plan = parsed.data;

    if (args.dryRun) {
      const preview = await engine.handlers['replay.preview']({ plan, limit: 1000 });
      for (const item of preview.items) {
        io.out.write(
          `#${item.originalId} → ${item.target}${item.edited ? ' (edited)' : ''} ${item.size} bytes\n`,
        );
      }
      io.out.write(`${preview.total} message(s) would be sent; nothing was sent\n`);
      return EXIT.ok;
    }

    let record = await engine.handlers['replay.start']({ plan });
    progress.line(
      `flowbench replay ${record.id}: ${record.total} message(s) from ${record.source} to ${record.target}`,
    );
    let shown = '';
    while (record.state === 'running') {
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (io.signal?.aborted) record = await engine.handlers['replay.cancel']({ replayId: record.id });
      record = (await engine.handlers['replay.get']({ replayId: record.id })) ?? record;
      if (describe(record) !== shown && record.state === 'running') progress.line((shown = describe(record)));
    }
    progress.line(describe(record));
    if (record.error) io.err.write(`flowbench replay: ${record.error}\n`);
    return record.state === 'done' && record.failed === 0 ? EXIT.ok : EXIT.failed;
  } finally {
    progress.done();
    await engine
      ?.close()
      .catch((err: unknown) => io.err.write(`flowbench replay: closing: ${String(err)}\n`));
    await rm(dataDir, { recursive: true, force: true });
  }
}

function describe(r: ReplayRecord): string {
  return `${r.state}: ${r.sent} of ${r.total} sent, ${r.failed} failed`;
}

/** `latest`: the newest run that is not itself a replay's recording. */
async function runIdOf(engine: Engine, run: string): Promise<string> {
  if (run !== 'latest') return run;
  const replays = new Set((await engine.handlers['replay.list']({ limit: 500 })).map((r) => r.runId));
  const runs = await engine.handlers['runs.list']({ limit: 500 });
  const latest = runs.find((r) => !replays.has(r.id));
  if (!latest) throw new UsageError('the recording holds no run to replay');
  return latest.id;
}

/** `original`, `kafka:<topic>`, `queue:<q>`, `exchange:<x>[:<key>]`, `http:<METHOD>:<url>`. */
export function parseTarget(to: string): ReplayPlanInput['target'] {
  if (to === 'original') return { kind: 'original' };
  const [kind, ...rest] = to.split(':');
  const value = rest.join(':');
  if (kind === 'kafka' && value) return { kind: 'kafka', topic: value };
  if (kind === 'queue' && value) return { kind: 'queue', queue: value };
  if (kind === 'exchange' && rest[0]) {
    return rest.length > 1
      ? { kind: 'exchange', exchange: rest[0], routingKey: rest.slice(1).join(':') }
      : { kind: 'exchange', exchange: rest[0] };
  }
  if (kind === 'http' && rest.length >= 2) {
    const method = rest[0].toUpperCase();
    const url = new URL(rest.slice(1).join(':'));
    if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method))
      throw new UsageError(`--to http: unknown method ${method}`);
    return {
      kind: 'http',
      method: method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      path: url.pathname + url.search,
      baseUrl: url.origin,
    };
  }
  throw new UsageError(
    `--to must be original, kafka:<topic>, queue:<queue>, exchange:<name>[:<key>] or http:<METHOD>:<url> (got "${to}")`,
  );
}

/** `fast`, `recorded`, `recorded:<speed>`, `rate:<per second>`. */
export function parsePace(pace: string): ReplayPlanInput['pacing'] {
  if (pace === 'fast') return { mode: 'fast' };
  const [mode, n] = pace.split(':');
  const num = n === undefined ? undefined : Number(n);
  if (mode === 'recorded' && (num === undefined || num > 0)) return { mode: 'recorded', speed: num ?? 1 };
  if (mode === 'rate' && num !== undefined && num > 0) return { mode: 'rate', perSecond: num };
  throw new UsageError(`--pace must be fast, recorded[:speed] or rate:<per second> (got "${pace}")`);
}
