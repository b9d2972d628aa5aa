import type { FlowNode } from '@shared/flow/document';
import type { CompiledGrpcService } from '../../compiler/compiled-flow';
import { hostGrpcService, type HostedService } from '../actors/grpc-service-actor';
import type { FlowGraph } from '../graph/flow-graph';
import type { NodeActor } from '../graph/node-actor';

/**
 * A gRPC service node hosted on a free loopback port. Each answered call is also published,
 * as an event carrying the response, to the channels the service is connected to (its trace
 * continues from the respond span).
 */
export class GrpcServiceNode implements NodeActor {
  readonly node: FlowNode<'grpcService'>;
  private hosted: HostedService | null = null;

  constructor(
    private readonly compiled: CompiledGrpcService,
    private readonly graph: FlowGraph,
  ) {
    this.node = compiled.node;
  }

  /** The loopback address clients of this run call; null until hosted (or when hosting failed). */
  get address(): string | null {
    return this.hosted ? `127.0.0.1:${this.hosted.port}` : null;
  }

  async prepare(): Promise<void> {
    const publishes = this.graph.outgoing(this.node.id).length > 0;
    this.hosted = await hostGrpcService(
      this.graph.ctx,
      this.compiled,
      publishes
        ? (trace, body) =>
            void this.graph.emit(this.node, [{ headers: {}, payload: Buffer.from(body), trace }])
        : undefined,
    );
  }

  async close(): Promise<void> {
    await this.hosted?.close();
  }
}
