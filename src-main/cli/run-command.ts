import { mkdtemp, rm, writeFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { RunSnapshot } from '@shared/api/contract';
import type { FlowDocument } from '@shared/flow/document';
import type { Environment } from '@shared/run/environment';
import { withDeadLetterWatch } from '../engine/assertions/dead-letter-watch';
import { evaluateAssertions, type AssertionResult } from '../engine/assertions/evaluate-assertions';
import { createEngine } from '../engine/engine';
import type { Engine } from '../engine/engine-types';
import { EXIT, type RunArgs } from './cli-args';
import { localEnvironment } from './cli-environment';
import { junitReport } from './junit-report';
import { createProgress, statusText, type Progress } from './progress';
import { problemLine, readFlowFile } from './read-flow-file';

/** Node kinds that start traffic by themselves; a run without --duration ends when they finish. */
const SOURCE_KINDS = new Set(['producer', 'restClient', 'grpcClient', 'graphqlClient', 'timer']);
const POLL_MS = 250;
/** After the sources are done, the run waits until nothing moved for this long (sagas finishing). */
const QUIET_MS = 1000;
const SETTLE_MAX_MS = 15_000;

interface Io {
  out: NodeJS.WriteStream;
  err: NodeJS.WriteStream;
  /** Aborted on Ctrl+C: the run stops early, cleanly, and is still checked. */
  signal?: AbortSignal;
}

/**
 * `flowbench run`: the engine the app uses, without a UI. Starts the flow on the chosen
 * environment, waits for the stop condition, stops (which drains in-flight messages), then
 * checks the flow's assertions against the final counters, the run log and the saga table.
 */
export async function runCommand(args: RunArgs, io: Io): Promise<number> {
  const file = resolve(args.flowFile);
  const read = await readFlowFile(file);
  if (!read.ok) {
    for (const l of read.lines) io.err.write(`${l}\n`);
    return read.unreadable ? EXIT.usage : EXIT.failed;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'flowbench-cli-'));
  const progress = createProgress(io.out);
  let engine: Engine | undefined;
  try {
    engine = await createEngine({
      dataDir,
      dbFile: args.db ? resolve(args.db) : undefined,
      emit: () => undefined,
      // The user named this file on the command line: its folder holds its .proto and certificates.
      flowFolderOf: (p) => dirname(resolve(p)),
    });
    const environment = await pickEnvironment(engine, args.env);
    if (typeof environment === 'string') {
      io.err.write(`flowbench run: ${environment}\n`);
      return EXIT.usage;
    }
    return await runFlow(engine, read.flow, read.text, file, environment, args, progress, io);
  } finally {
    progress.done();
    await engine?.close().catch((err: unknown) => io.err.write(`flowbench run: closing: ${String(err)}\n`));
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function runFlow(
  engine: Engine,
  flow: FlowDocument,
  text: string,
  file: string,
  environment: Environment,
  args: RunArgs,
  progress: Progress,
  io: Io,
): Promise<number> {
  const h = engine.handlers;
  const startedAt = Date.now();
  const started = await h['run.start']({ flow: withDeadLetterWatch(flow), environment, filePath: file });
  if (!started.ok) {
    for (const p of started.problems) io.err.write(`${problemLine(file, text, p)}\n`);
    return EXIT.failed;
  }
  progress.line(`flowbench run: "${flow.name}" on ${describeEnv(environment)} (run ${started.runId})`);

  const sources = flow.nodes.filter((n) => SOURCE_KINDS.has(n.kind)).map((n) => n.id);
  const reason = await waitForStop(engine, args, sources, startedAt, progress, io.signal);
  const before = await h['run.status']({});
  if (reason !== 'failed' && reason !== 'interrupted') {
    // Sources stop sending first, so what is in flight (replies, saga steps) can land before the stop.
    if (before.state === 'running' && sources.length > 0) await h['run.pause']({ nodeIds: sources });
    await settle(engine, startedAt, progress);
  }
  await h['run.stop']({});
  const final = await h['run.status']({});
  const elapsed = Date.now() - startedAt;
  progress.line(`stopped (${reason}): ${statusText(final, elapsed)}`);

  const log = await h['run.log']({});
  const sagas = (await h['saga.instances']({ flowName: flow.name, limit: 1000 })).filter(
    (s) => s.runId === started.runId,
  );
  const results = evaluateAssertions(flow, { counters: final.counters, log, sagas });
  const runFailed = before.state === 'failed' || final.state === 'failed';
  const runDetail = runFailed
    ? `the run failed: ${final.error ?? before.error ?? 'see the log'}`
    : `run ${reason}`;
  report(results, progress);
  if (args.report) {
    await writeAtomically(
      resolve(args.report),
      junitReport(flow.name, elapsed / 1000, { passed: !runFailed, detail: runDetail }, results),
    );
  }
  if (runFailed) {
    io.err.write(`flowbench run: ${runDetail}\n`);
    return EXIT.runError;
  }
  return results.every((r) => r.passed) ? EXIT.ok : EXIT.failed;
}

type StopReason =
  'duration reached' | 'messages sent' | 'sources finished' | 'timed out' | 'interrupted' | 'failed';

async function waitForStop(
  engine: Engine,
  args: RunArgs,
  sources: string[],
  startedAt: number,
  progress: Progress,
  signal: AbortSignal | undefined,
): Promise<StopReason> {
  const limit = args.durationMs ?? args.timeoutMs;
  for (;;) {
    await sleep(POLL_MS);
    if (signal?.aborted) return 'interrupted';
    const s = await engine.handlers['run.status']({});
    const elapsed = Date.now() - startedAt;
    progress.update(s, elapsed);
    if (s.state === 'failed' || s.state === 'stopped') return 'failed';
    if (args.durationMs !== undefined && elapsed >= args.durationMs) return 'duration reached';
    if (s.state !== 'running') {
      if (elapsed >= limit) return 'timed out';
      continue;
    }
    if (args.messages !== undefined && sentBy(s, sources) >= args.messages) return 'messages sent';
    if (args.durationMs === undefined && args.messages === undefined && sourcesDone(s, sources)) {
      return 'sources finished';
    }
    if (elapsed >= limit) return 'timed out';
  }
}

/** Waits until no counter moved for QUIET_MS, so replies and saga steps in flight can land. */
async function settle(engine: Engine, startedAt: number, progress: Progress): Promise<void> {
  const until = Date.now() + SETTLE_MAX_MS;
  let last = -1;
  let quietSince = Date.now();
  while (Date.now() < until) {
    const s = await engine.handlers['run.status']({});
    progress.update(s, Date.now() - startedAt);
    if (s.state !== 'running') return;
    const moved = Object.values(s.counters).reduce((n, c) => n + c.sent + c.received + c.acked + c.nacked, 0);
    if (moved !== last) {
      last = moved;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= QUIET_MS) return;
    await sleep(POLL_MS);
  }
}

function sentBy(s: RunSnapshot, sources: string[]): number {
  return sources.reduce((n, id) => n + (s.counters[id]?.sent ?? 0), 0);
}

function sourcesDone(s: RunSnapshot, sources: string[]): boolean {
  return (
    sources.length > 0 && sources.every((id) => ['done', 'error'].includes(s.counters[id]?.status ?? ''))
  );
}

function report(results: AssertionResult[], progress: Progress): void {
  if (results.length === 0) {
    progress.line('no assertions in this flow');
    return;
  }
  for (const r of results) progress.line(`${r.passed ? 'PASS' : 'FAIL'} ${r.name}: ${r.detail}`);
  const failed = results.filter((r) => !r.passed).length;
  progress.line(`${results.length - failed} passed, ${failed} failed`);
}

/**
 * `embedded`, `local` (brokers from FLOWBENCH_KAFKA_BROKERS / FLOWBENCH_AMQP_URL or the
 * defaults), or the id of an environment saved in the --db workspace. A string is an error.
 */
async function pickEnvironment(engine: Engine, name: string): Promise<Environment | string> {
  if (name === 'embedded') return { kind: 'embedded' };
  if (name === 'local') return localEnvironment();
  const { environments } = await engine.handlers['environments.list']({});
  const found = environments.find((e) => e.id === name);
  if (found) return found;
  const known = ['embedded', 'local', ...environments.map((e) => e.id)].join(', ');
  return `no environment "${name}" (known: ${known}; saved environments need --db)`;
}

function describeEnv(e: Environment): string {
  return e.kind === 'embedded' ? 'Embedded' : e.kind === 'local' ? 'Local brokers' : `environment ${e.id}`;
}

/** Writes a temporary file beside the target, then renames it: readers never see half a report. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
