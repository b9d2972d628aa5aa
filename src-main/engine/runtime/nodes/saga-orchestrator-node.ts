import { randomUUID } from 'node:crypto';
import type { FlowNode } from '@shared/flow/document';
import type { InjectedFault } from '@shared/trace/events';
import type { CompiledSaga, CompiledSagaCall } from '../../compiler/compile-saga';
import { SagaCaller, type SagaCallOutcome } from '../../saga/saga-calls';
import { memorySagaTable } from '../../saga/memory-saga-table';
import {
  begin,
  failed,
  isEnded,
  nextCall,
  resumeAfterRestart,
  startSaga,
  succeeded,
  type MachineStep,
  type SagaCall,
  type SagaInstance,
} from '../../saga/saga-machine';
import type { SagaOwner, SagaTable } from '../../../store/saga-table';
import { newSpanId, newTraceId } from '../../trace/traceparent';
import { ACK, type Outcome } from '../graph/deliver-to';
import type { FlowGraph } from '../graph/flow-graph';
import type { FlowMessage } from '../graph/flow-message';
import { GrpcServiceNode } from './grpc-service-node';
import { ReadingNode } from './reading-node';
import { RestServiceNode } from './rest-service-node';

/** Between tries of a compensation that failed. */
const RETRY_MS = 200;

/**
 * A saga orchestrator: every message that reaches it (from a timer, topic or queue) starts
 * one saga instance, which calls its steps' actions on REST and gRPC services in order and,
 * after a failure (an error or a step timeout), the compensations of the steps done in
 * reverse order. Each transition is written to the workspace store before the next call, so
 * instances left unfinished when the app quit resume (or compensate) when the flow runs again.
 * Faults on the edge to a service (or on this node) apply to the calls: an injected error
 * fails the call, latency delays it, a drop leaves it unanswered until the step timeout.
 */
export class SagaOrchestratorNode extends ReadingNode<FlowNode<'sagaOrchestrator'>> {
  private readonly steps: MachineStep[];
  private readonly table: SagaTable;
  private readonly owner: SagaOwner;
  private readonly caller = new SagaCaller();
  private readonly running = new Map<string, Promise<void>>();
  private closing = false;
  private seq = 0;

  constructor(
    private readonly compiled: CompiledSaga,
    graph: FlowGraph,
  ) {
    super(compiled.node, graph);
    this.steps = compiled.steps.map((s) => ({ name: s.name, compensable: s.compensation !== null }));
    this.table = graph.ctx.sagas ?? memorySagaTable();
    this.owner = { flowName: graph.flow.name, nodeId: compiled.node.id };
  }

  /** Instances an earlier run left unfinished go on once the services are up. */
  async run(): Promise<void> {
    const stale = this.table.unfinished(this.owner);
    if (stale.length === 0) return;
    const mode = this.node.config.resume;
    this.graph.ctx.log(
      'info',
      this.node.id,
      `resuming ${stale.length} saga(s) left unfinished by an earlier run (${mode === 'continue' ? 'continuing' : 'compensating'})`,
    );
    for (const s of stale) this.launch(this.save(resumeAfterRestart(s, this.steps, mode, Date.now())));
  }

  protected async work(message: FlowMessage): Promise<Outcome> {
    // Acked once stored: a message arriving while the run stops is kept as a saga that has not
    // started yet, and starts when the flow runs again (the drive loop stops at once).
    const trace = message.trace ?? { traceId: newTraceId(), spanId: newSpanId() };
    const s = startSaga(randomUUID(), message.payload.toString('utf8'), trace, Date.now());
    this.launch(this.save(s));
    return ACK;
  }

  private get stopping(): boolean {
    return this.closing || this.graph.ctx.isStopping;
  }

  private save(s: SagaInstance): SagaInstance {
    this.table.save(this.owner, this.graph.ctx.runId, s);
    return s;
  }

  private launch(s: SagaInstance): void {
    const done = this.drive(s)
      .catch((err: unknown) =>
        this.graph.ctx.log(
          'error',
          this.node.id,
          `saga ${s.id}: ${err instanceof Error ? err.message : String(err)}`,
        ),
      )
      .finally(() => this.running.delete(s.id));
    this.running.set(s.id, done);
  }

  /** Runs calls until the saga ends or the run stops (then it stays as stored, to resume later). */
  private async drive(start: SagaInstance): Promise<void> {
    const { ctx } = this.graph;
    const c = this.node.config;
    let s = start;
    for (let call = nextCall(s, this.steps); call && !this.stopping; call = nextCall(s, this.steps)) {
      s = this.save(begin(s, call, Date.now()));
      const outcome = await this.attempt(s, call);
      s = this.save(
        outcome.ok
          ? succeeded(s, this.steps, Date.now(), outcome.detail)
          : failed(s, this.steps, outcome.error ?? 'failed', Date.now(), {
              uncertain: outcome.uncertain,
              maxAttempts: c.compensationAttempts,
            }),
      );
      if (!outcome.ok && call.phase === 'compensation' && s.status === 'compensating')
        await ctx.sleep(RETRY_MS);
    }
    if (!isEnded(s.status)) return;
    if (s.status === 'confirmed') ctx.stats.add(this.node.id, 'acked');
    else ctx.stats.add(this.node.id, 'nacked');
    if (s.status === 'failed') {
      ctx.stats.add(this.node.id, 'errors');
      ctx.log('error', this.node.id, `saga ${s.id} failed: ${s.error ?? ''}`);
    }
  }

  /** One call, through the faults of its edge (or of this node), recorded as a span of the saga's trace. */
  private async attempt(s: SagaInstance, call: SagaCall): Promise<SagaCallOutcome> {
    const { ctx } = this.graph;
    const step = this.compiled.steps[call.step];
    const target = (call.phase === 'action' ? step.action : step.compensation) as CompiledSagaCall;
    const span = { traceId: s.traceId, spanId: newSpanId() };
    const timeoutMs = this.node.config.stepTimeoutMs;
    const started = Date.now();
    let input: unknown = s.input;
    try {
      input = JSON.parse(s.input) as unknown;
    } catch {
      // A text payload is passed on as text.
    }
    const edge = this.graph.outgoing(this.node.id).find((e) => e.target === target.targetId);
    const injector = (edge && this.graph.faults?.at(edge.id)) ?? this.graph.faults?.at(this.node.id);
    const decision = injector?.decide({ headers: {}, payload: Buffer.from(s.input), trace: span })[0];
    let outcome: SagaCallOutcome;
    if (decision?.action === 'error') {
      outcome = {
        ok: false,
        uncertain: false,
        error: `injected: ${decision.error.message}`,
        request: s.input,
      };
    } else if (decision && decision.action !== 'deliver') {
      await ctx.sleep(timeoutMs);
      outcome = {
        ok: false,
        uncertain: true,
        error: `step timed out after ${timeoutMs} ms (injected ${decision.action})`,
        request: s.input,
      };
    } else if (decision && decision.delayMs >= timeoutMs) {
      await ctx.sleep(timeoutMs);
      outcome = {
        ok: false,
        uncertain: true,
        error: `step timed out after ${timeoutMs} ms (injected latency)`,
        request: s.input,
      };
    } else {
      if (decision && decision.delayMs > 0) await ctx.sleep(decision.delayMs);
      outcome = await this.caller.call({
        call: target,
        address: this.addressOf(target.targetId),
        sagaId: s.id,
        input,
        span: ctx.tracing ? span : null,
        timeoutMs: timeoutMs - (Date.now() - started),
        stepTimeoutMs: timeoutMs,
        seq: ++this.seq,
      });
    }
    this.record(s, call, target, span, started, outcome, decision?.fault);
    return outcome;
  }

  private addressOf(nodeId: string): string | null {
    const actor = this.graph.actors.get(nodeId);
    if (actor instanceof RestServiceNode) return actor.url;
    if (actor instanceof GrpcServiceNode) return actor.address;
    return null;
  }

  private record(
    s: SagaInstance,
    call: SagaCall,
    target: CompiledSagaCall,
    span: { traceId: string; spanId: string },
    started: number,
    outcome: SagaCallOutcome,
    fault: InjectedFault | undefined,
  ): void {
    const { ctx } = this.graph;
    const now = Date.now();
    ctx.stats.add(this.node.id, 'sent');
    ctx.stats.observe(this.node.id, now - started);
    if (!outcome.ok)
      ctx.log('warning', this.node.id, `saga ${s.id.slice(0, 8)}: ${outcome.error ?? 'failed'}`);
    if (!ctx.tracing) return;
    const transport = target.protocol;
    const destination = `${call.phase === 'compensation' ? 'undo ' : ''}${this.compiled.steps[call.step].name}: ${target.label}`;
    const messageId = ctx.sink.recordMessage({
      runId: ctx.runId,
      ...span,
      nodeId: this.node.id,
      transport,
      destination,
      ts: started,
      key: s.id,
      headers: { 'saga-id': s.id, 'saga-step': String(call.step + 1), 'saga-phase': call.phase },
      payload: Buffer.from(outcome.request),
    });
    ctx.sink.recordEvent({
      runId: ctx.runId,
      ...span,
      parentSpanId: s.spanId,
      nodeId: this.node.id,
      kind: outcome.ok ? (call.phase === 'compensation' ? 'compensate' : 'call') : 'error',
      transport,
      destination,
      ts: started,
      key: s.id,
      messageId,
      durationMs: now - started,
      error: outcome.ok ? undefined : outcome.error,
      fault,
    });
  }

  /** Stops taking messages and lets calls in flight end (their outcome is stored); the rest resumes next run. */
  override async close(): Promise<void> {
    this.closing = true;
    await super.close();
    await Promise.allSettled([...this.running.values()]);
    await this.caller.close();
  }
}
