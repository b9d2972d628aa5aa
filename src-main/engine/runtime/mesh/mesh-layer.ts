import type { FlowEdge, FlowNode } from '@shared/flow/document';
import { createRunPki, type RunPki } from '../../patterns/mesh/run-pki';
import type { ClientTls } from '../../transports/grpc/client-tls';
import type { ServerTls } from '../../transports/grpc/grpc-server';
import type { FlowGraph } from '../graph/flow-graph';
import { EdgeGovernor } from './edge-governor';

/** TLS material of one side of an mTLS connection (PEM). */
export interface MeshTls {
  ca: string;
  cert: string;
  key: string;
}

const isPolicy = (n: FlowNode | undefined): n is FlowNode<'meshPolicy'> => n?.kind === 'meshPolicy';

/**
 * The service mesh of one run: which policy governs which call edge (the one named in the
 * edge's `policy`, else a policy node connected to the callee), one governor per governed
 * edge, and the run's certificates when any policy asks for mTLS (made once, in memory).
 */
export class MeshLayer {
  private readonly governors = new Map<string, EdgeGovernor | null>();
  private pki: RunPki | null = null;
  private clientSide: MeshTls | null = null;

  constructor(private readonly graph: FlowGraph) {}

  private get policies(): Array<FlowNode<'meshPolicy'>> {
    return this.graph.flow.nodes.filter(isPolicy);
  }

  /** The policy governing calls along `edge`, if any. */
  policyOf(edge: FlowEdge): FlowNode<'meshPolicy'> | null {
    const named = edge.config?.policy?.trim();
    if (named) return this.policies.find((p) => p.config.name === named) ?? null;
    return this.attachedTo(edge.target);
  }

  private attachedTo(nodeId: string): FlowNode<'meshPolicy'> | null {
    for (const e of this.graph.incoming(nodeId)) {
      const source = this.graph.node(e.source);
      if (isPolicy(source)) return source;
    }
    return null;
  }

  /** The governor of calls from `callerId` along `edge`; null when no policy governs it. */
  governor(edge: FlowEdge, callerId: string): EdgeGovernor | null {
    if (this.governors.has(edge.id)) return this.governors.get(edge.id) ?? null;
    const policy = this.policyOf(edge);
    let governor: EdgeGovernor | null = null;
    if (policy) {
      const byName = new Map(this.graph.flow.nodes.map((n) => [n.config.name, n.id]));
      const split = policy.config.trafficSplit.map((s) => ({
        targetId: byName.get(s.target) ?? s.target,
        weight: s.weight,
      }));
      governor = new EdgeGovernor(this.graph.ctx, edge, policy, split, callerId);
    }
    this.governors.set(edge.id, governor);
    return governor;
  }

  /** Whether calls into `nodeId` must use mTLS: an mTLS policy is connected to it or routes to it. */
  requiresMtls(nodeId: string): boolean {
    const node = this.graph.node(nodeId);
    const name = node?.config.name;
    return this.policies.some(
      (p) =>
        p.config.mtls &&
        (this.graph.outgoing(p.id).some((e) => e.target === nodeId) ||
          p.config.trafficSplit.some((s) => s.target === name) ||
          this.graph.incoming(nodeId).some((e) => e.config?.policy?.trim() === p.config.name)),
    );
  }

  /** The server certificate for a service that must use mTLS; undefined otherwise. */
  serverTls(nodeId: string): MeshTls | undefined {
    if (!this.requiresMtls(nodeId)) return undefined;
    const pki = this.runPki();
    const leaf = pki.issue(this.graph.node(nodeId)?.config.name ?? nodeId, 'server');
    return { ca: pki.caCert, ...leaf };
  }

  /** gRPC server credentials for a service that must use mTLS (client certificates required). */
  grpcServerTls(nodeId: string): ServerTls | undefined {
    const tls = this.serverTls(nodeId);
    return tls ? { ...tls, requireClientCert: true } : undefined;
  }

  /** gRPC channel credentials for calling `nodeId`: the run's client certificate when it must use mTLS. */
  grpcClientTls(nodeId: string): ClientTls | undefined {
    if (!this.requiresMtls(nodeId)) return undefined;
    const c = this.clientTls();
    return {
      ca: Buffer.from(c.ca),
      cert: Buffer.from(c.cert),
      key: Buffer.from(c.key),
      serverName: 'localhost',
    };
  }

  /** The client certificate every governed caller of this run presents (one per run). */
  clientTls(): MeshTls {
    if (!this.clientSide) {
      const pki = this.runPki();
      this.clientSide = { ca: pki.caCert, ...pki.issue('flowbench-mesh-client', 'client') };
    }
    return this.clientSide;
  }

  private runPki(): RunPki {
    this.pki ??= createRunPki(`Flowbench run ${this.graph.ctx.runId.slice(0, 8)}`);
    return this.pki;
  }
}

const layers = new WeakMap<FlowGraph, MeshLayer>();

/** The mesh of the graph's run (created on first use, gone with the graph). */
export function meshOf(graph: FlowGraph): MeshLayer {
  let layer = layers.get(graph);
  if (!layer) {
    layer = new MeshLayer(graph);
    layers.set(graph, layer);
  }
  return layer;
}
