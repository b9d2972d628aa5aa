import type { FlowNode } from '@shared/flow/document';
import type { CompiledGrpcClient } from '../../compiler/compiled-flow';
import { runGrpcClient } from '../actors/grpc-client-actor';
import type { FlowGraph } from '../graph/flow-graph';
import type { NodeActor } from '../graph/node-actor';
import { GrpcServiceNode } from './grpc-service-node';

/** Calls one method of a service in the flow at the client's rate. */
export class GrpcClientNode implements NodeActor {
  readonly node: FlowNode<'grpcClient'>;

  constructor(
    private readonly compiled: CompiledGrpcClient,
    private readonly graph: FlowGraph,
  ) {
    this.node = compiled.node;
  }

  async run(): Promise<void> {
    const service = this.graph.actors.get(this.compiled.target.service.node.id);
    const address = service instanceof GrpcServiceNode ? service.address : null;
    if (!address) {
      this.graph.ctx.fail(
        [this.node.id],
        'grpc',
        `service "${this.compiled.target.service.node.config.name}" is not running`,
      );
      return;
    }
    await runGrpcClient(this.graph.ctx, this.compiled, address);
  }
}
