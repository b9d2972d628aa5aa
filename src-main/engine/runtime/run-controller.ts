import { randomUUID } from 'node:crypto';
import type { RunSnapshot, RunStartResult, RunState } from '@shared/api/contract';
import type { FaultSpec } from '@shared/flow/kinds/faults';
import type { LatencyBuckets, RunLogEntry } from '@shared/run/counters';
import type { NodeStateView } from '@shared/run/node-state';
import type { Environment } from '@shared/run/environment';
import type { Store } from '../../store/store';
import type { EmitEvent } from '../api/dispatch';
import { compileFlow } from '../compiler/compile-flow';
import { environmentProblems } from '../environments/environment-problems';
import type { RunEnvironment } from '../environments/run-environment';
import { redriveDeadLetters, type RedriveHooks, type RedriveResult } from './redrive';
import { Run } from './run';
import { UNTRACED, type TraceSink } from './run-context';

const COUNTER_INTERVAL_MS = 250;

interface Active {
  run: Run;
  state: RunState;
  timer: NodeJS.Timeout;
  started: Promise<void>;
  error?: string;
}

/**
 * Owns the current run: compiles, starts, pushes counters at most every 250 ms, stops. One
 * run at a time; the last run's final counters stay visible after it ends.
 */
export class RunController {
  private active: Active | null = null;
  private last: {
    runId: string;
    state: RunState;
    counters: RunSnapshot['counters'];
    error?: string;
    run: Run;
  } | null = null;

  constructor(
    private readonly store: Store,
    private readonly sink: TraceSink & { flushAsync(): Promise<void> },
    private readonly emit: EmitEvent,
  ) {}

  get currentRunId(): string | null {
    return this.active?.run.runId ?? null;
  }

  /**
   * Compiles the flow; on problems (or nodes the environment cannot serve) nothing connects.
   * Otherwise connects in the background. The environment comes resolved (secrets in memory).
   */
  start(
    rawFlow: unknown,
    environment: RunEnvironment,
    flowDir: string | null = null,
    options: { tracing: boolean } = { tracing: true },
  ): RunStartResult {
    if (this.active) throw new Error('A run is already going: stop it before starting another.');
    const result = compileFlow(rawFlow, { flowDir });
    if (!result.ok) return { ok: false, problems: result.problems };
    const unserved = environmentProblems(result.compiled, environment);
    if (unserved.length > 0) return { ok: false, problems: unserved };
    const runId = randomUUID();
    const flow = result.compiled.flow;
    this.store.createRun({
      id: runId,
      flowName: flow.name,
      flowJson: JSON.stringify(flow),
      environment: environment.label,
      startedAt: Date.now(),
    });
    const run = new Run(runId, result.compiled, environment, options.tracing ? this.sink : UNTRACED);
    run.ctx.sagas = this.store.sagas;
    const timer = setInterval(() => this.pushCounters(false), COUNTER_INTERVAL_MS);
    const active: Active = { run, state: 'starting', timer, started: Promise.resolve() };
    this.active = active;
    this.setState(active, 'starting');
    active.started = run.start().then(
      () => {
        if (active.state === 'starting') this.setState(active, 'running');
      },
      (err: unknown) => {
        active.error = err instanceof Error ? err.message : String(err);
      },
    );
    return { ok: true, runId };
  }

  /** Stops the current run: in-flight messages finish (bounded), everything closes. */
  async stop(): Promise<{ runId: string | null }> {
    const active = this.active;
    if (!active || active.state === 'stopping') return { runId: active?.run.runId ?? null };
    this.setState(active, 'stopping');
    active.run.ctx.beginStop();
    await active.started;
    await active.run.stop();
    // Every row of the run is in SQLite before the run is marked ended.
    await this.sink.flushAsync();
    clearInterval(active.timer);
    const endState = active.error ? 'failed' : 'stopped';
    this.store.finishRun(active.run.runId, endState, Date.now(), active.error);
    this.pushCounters(true);
    this.last = {
      runId: active.run.runId,
      state: endState,
      counters: active.run.stats.all(),
      error: active.error,
      run: active.run,
    };
    this.active = null;
    this.setState(active, endState);
    return { runId: active.run.runId };
  }

  /** Pauses or resumes the sources of the current run; false when no run is going. */
  setPaused(paused: boolean, nodeIds?: string[]): { paused: boolean } {
    const active = this.active;
    if (!active) return { paused: false };
    active.run.ctx.setPaused(paused, nodeIds);
    this.pushCounters(true);
    return { paused };
  }

  setFaults(targetId: string, faults: FaultSpec[]): { ok: true } {
    if (!this.active) throw new Error('no run is going: faults on demand apply to a running flow');
    this.active.run.setFaults(targetId, faults);
    return { ok: true };
  }

  async restartNode(nodeId: string): Promise<{ restarted: number }> {
    const result = (await this.active?.run.restartNode(nodeId)) ?? { restarted: 0 };
    this.pushCounters(true);
    return result;
  }

  /** Moves a dead-letter queue's messages back to their queue (see redrive.ts). */
  async redrive(nodeId: string, hooks?: RedriveHooks): Promise<RedriveResult> {
    if (!this.active) throw new Error('no run is going: redrive moves messages during a run');
    const result = await redriveDeadLetters(this.active.run.graph, nodeId, hooks);
    this.pushCounters(true);
    return result;
  }

  /** The run going now, else the last one (its nodes' in-memory state stays readable after Stop). */
  currentOrLast(): Run | null {
    return this.active?.run ?? this.last?.run ?? null;
  }

  log(): RunLogEntry[] {
    return (this.active?.run ?? this.last?.run)?.ctx.logs ?? [];
  }

  histogram(nodeId: string): LatencyBuckets {
    return (this.active?.run ?? this.last?.run)?.stats.histogram(nodeId) ?? { nodeId, count: 0, buckets: [] };
  }

  /** What a node of the current (or last) run keeps in its state steps. */
  nodeState(nodeId: string): NodeStateView {
    const run = this.active?.run ?? this.last?.run;
    return { nodeId, stores: run?.ctx.stateOf(nodeId).view() ?? {} };
  }

  snapshot(environment: Environment): RunSnapshot {
    if (this.active) {
      return {
        runId: this.active.run.runId,
        state: this.active.state,
        environment,
        counters: this.active.run.stats.all(),
        error: this.active.error,
      };
    }
    if (this.last)
      return {
        runId: this.last.runId,
        state: this.last.state,
        environment,
        counters: this.last.counters,
        error: this.last.error,
      };
    return { runId: null, state: 'idle', environment, counters: {} };
  }

  private setState(active: Active, state: RunState): void {
    active.state = state;
    this.emit('run.state', {
      runId: active.run.runId,
      state,
      ...(active.error ? { error: active.error } : {}),
    });
  }

  private pushCounters(force: boolean): void {
    const active = this.active;
    if (!active) return;
    const nodes = active.run.stats.snapshot(force);
    if (nodes) this.emit('run.counters', { runId: active.run.runId, at: Date.now(), nodes });
    const entries = active.run.ctx.takeLogChanges();
    if (entries.length > 0) this.emit('run.log', { runId: active.run.runId, entries });
  }
}
