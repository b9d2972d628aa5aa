import type { FlowNode } from '@shared/flow/document';
import type { CompiledGraphqlService } from '../../compiler/compiled-graphql';
import {
  formatTraceparent,
  newSpanId,
  newTraceId,
  parseTraceparent,
  type TraceContext,
} from '../../trace/traceparent';
import { startGraphqlServer, type GraphqlServer } from '../../transports/graphql/graphql-server';
import type { GraphqlOperationEvent, GraphqlSubscriptionEvent } from '../../transports/graphql/recording';
import { TracedEvent } from '../../transports/graphql/traced-event';
import { createRestClient } from '../../transports/http/rest-client';
import { ACK, type DeliverySource, type Outcome } from '../graph/deliver-to';
import type { FlowMessage } from '../graph/flow-message';
import type { FlowGraph } from '../graph/flow-graph';
import { boundFieldResolvers } from './graphql-bound-fields';
import { ReadingNode } from './reading-node';

/**
 * A GraphQL service node on its loopback port: queries and mutations over HTTP, every
 * operation over WebSocket. Each operation is a respond span (child of the caller's
 * traceparent); bound fields publish into channels or call REST services inside that span;
 * subscription fields bound to a topic or queue are fed by reading it like any reader, each
 * event sent with the message's trace.
 */
export class GraphqlServiceNode extends ReadingNode<FlowNode<'graphqlService'>> {
  private server: GraphqlServer | null = null;
  private readonly http = createRestClient();
  /** Respond spans of operations in progress, by operation id. */
  private readonly spans = new Map<string, TraceContext>();
  /** Subscription fields fed by each channel node. */
  private readonly feeds = new Map<string, string[]>();
  private seq = 0;
  private closeBound: () => void = () => undefined;

  constructor(
    private readonly compiled: CompiledGraphqlService,
    graph: FlowGraph,
    /** Tests and parallel runs take a free port; the flow's own port otherwise. */
    private readonly port: number = compiled.node.config.port,
  ) {
    super(compiled.node, graph);
    for (const b of compiled.bindings) {
      if (b.kind !== 'subscribe') continue;
      const fields = this.feeds.get(b.sourceId) ?? [];
      fields.push(b.field.slice(b.field.indexOf('.') + 1));
      this.feeds.set(b.sourceId, fields);
    }
  }

  /** `http://127.0.0.1:<port>/graphql` while serving, else null. */
  get url(): string | null {
    return this.server?.url ?? null;
  }

  async prepare(): Promise<void> {
    const c = this.node.config;
    // Result templates were compiled with the flow; keys here are their `Type.field`.
    const templates = Object.fromEntries([...this.compiled.templates.keys()].map((k) => [k, k]));
    const bound = boundFieldResolvers(this.compiled, {
      node: this.node,
      graph: this.graph,
      http: this.http,
      spanOf: (context) => this.spanOf(context.operationId, context.traceparent),
      nextSeq: () => ++this.seq,
    });
    this.closeBound = bound.close;
    this.server = await startGraphqlServer({
      node: c.name,
      sdl: c.schema,
      port: this.port,
      maxBodyBytes: c.maxBodyBytes,
      resolvers: bound.resolvers,
      templates,
      compileTemplate: (key) => {
        const template = this.compiled.templates.get(key);
        if (!template) throw new Error(`no compiled template for ${key}`);
        return (scope) => template.render(++this.seq, scope);
      },
      hooks: {
        onOperation: (e) => this.recordOperation(e),
        onSubscriptionEvent: (e) => this.recordEvent(e),
      },
    });
  }

  /** A delivery from a channel goes to every subscriber of the fields bound to it. */
  protected async work(message: FlowMessage, source: DeliverySource): Promise<Outcome> {
    const fields = this.feeds.get(source.nodeId) ?? [];
    const text = message.payload.toString('utf8');
    let payload: unknown = text;
    try {
      payload = JSON.parse(text);
    } catch {
      // A subscription field of a scalar type takes the text as it is.
    }
    const traceparent = message.trace ? formatTraceparent(message.trace) : undefined;
    for (const field of fields)
      this.server?.publish(field, traceparent ? new TracedEvent(payload, traceparent) : payload);
    return ACK;
  }

  private spanOf(operationId: string, traceparent: string | undefined): TraceContext {
    let span = this.spans.get(operationId);
    if (!span) {
      span = { traceId: parseTraceparent(traceparent)?.traceId ?? newTraceId(), spanId: newSpanId() };
      this.spans.set(operationId, span);
    }
    return span;
  }

  private recordOperation(e: GraphqlOperationEvent): void {
    const { ctx } = this.graph;
    const span = this.spanOf(e.operationId, e.traceparent);
    this.spans.delete(e.operationId);
    const destination = `${e.operationType ?? 'operation'}${e.operationName ? ` ${e.operationName}` : ''}`;
    const at = Date.now() - e.durationMs;
    const error = e.result.errors?.[0]?.message;
    const messageId = ctx.sink.recordMessage({
      runId: ctx.runId,
      ...span,
      nodeId: this.node.id,
      transport: 'graphql',
      destination,
      ts: at,
      headers: { ':transport': e.transport },
      payload: Buffer.from(JSON.stringify(e.result)),
    });
    ctx.sink.recordEvent({
      runId: ctx.runId,
      ...span,
      parentSpanId: parseTraceparent(e.traceparent)?.spanId ?? null,
      nodeId: this.node.id,
      kind: error ? 'error' : 'respond',
      transport: 'graphql',
      destination,
      ts: at,
      messageId,
      durationMs: e.durationMs,
      error,
    });
    ctx.stats.add(this.node.id, 'received');
    ctx.stats.add(this.node.id, error ? 'errors' : 'acked');
    ctx.stats.observe(this.node.id, e.durationMs);
  }

  /** Each traced event sent to a subscriber is a respond span in the message's trace. */
  private recordEvent(e: GraphqlSubscriptionEvent): void {
    const sent = parseTraceparent(e.sentTraceparent);
    if (!sent) return;
    const { ctx } = this.graph;
    const destination = `subscription ${e.field ?? ''}`.trim();
    const now = Date.now();
    const messageId = ctx.sink.recordMessage({
      runId: ctx.runId,
      ...sent,
      nodeId: this.node.id,
      transport: 'graphql',
      destination,
      ts: now,
      headers: { ':transport': 'ws' },
      payload: Buffer.from(JSON.stringify(e.result)),
    });
    ctx.sink.recordEvent({
      runId: ctx.runId,
      ...sent,
      parentSpanId: parseTraceparent(e.sourceTraceparent)?.spanId ?? null,
      nodeId: this.node.id,
      kind: 'respond',
      transport: 'graphql',
      destination,
      ts: now,
      messageId,
    });
    ctx.stats.add(this.node.id, 'sent');
  }

  override async close(): Promise<void> {
    await super.close();
    await this.server?.close();
    await this.http.close();
    this.closeBound();
  }
}
