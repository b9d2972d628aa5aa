import type protobuf from 'protobufjs';
import type { FlowDocument, FlowNode, FlowProblem } from '@shared/flow/document';
import type { KafkaEncoding, MessageContract } from '@shared/flow/kinds/message-contract';
import { compileContract } from './compile-contract';
import { ContractCompileError, type CompiledContract } from './contract-types';
import { buildProtoRoot } from './proto-root';

/** Every declared contract of a flow, compiled, and what kept the others from compiling. */
export interface FlowContracts {
  /** Topics, queues and exchanges with a contract, by node id. */
  byNode: Map<string, CompiledContract>;
  /** REST routes with a contract: node id → route index → contract. */
  byRoute: Map<string, Map<number, CompiledContract>>;
  /** One per contract that does not compile, naming the node and field. */
  problems: FlowProblem[];
}

/**
 * Compiles the contracts of a parsed flow before a run connects. Protobuf contracts look
 * their message type up in all the flow's .proto files (every gRPC service's source and
 * imports). Destinations without a contract are absent from the maps.
 */
export function compileFlowContracts(flow: FlowDocument): FlowContracts {
  const result: FlowContracts = { byNode: new Map(), byRoute: new Map(), problems: [] };
  const protos = lazyProtoRoot(flow);
  flow.nodes.forEach((node, index) => {
    const compile = (contract: MessageContract, at: string, encoding?: KafkaEncoding, schemaId?: number) => {
      if (contract.format === 'none') return undefined;
      try {
        const protoRoot = contract.format === 'protobuf' ? protos() : undefined;
        return compileContract(contract, { protoRoot, encoding, schemaId });
      } catch (err) {
        if (!(err instanceof ContractCompileError)) throw err;
        const own = err.field === 'encoding' || err.field.startsWith('contract.');
        const field = `${at}${own ? err.field : 'contract.messageType'}`;
        const message = own ? err.detail : `cannot be looked up: ${err.message}`;
        result.problems.push({ path: `nodes[${index}].config.${field}`, nodeId: node.id, field, message });
        return undefined;
      }
    };
    for (const [at, contract] of contractsOf(node)) {
      if (at === '') {
        const cfg = node.kind === 'kafkaTopic' ? node.config : undefined;
        const compiled = compile(contract, '', cfg?.encoding, cfg?.schemaId);
        if (compiled) result.byNode.set(node.id, compiled);
        continue;
      }
      const compiled = compile(contract, at);
      if (!compiled) continue;
      const routes = result.byRoute.get(node.id) ?? new Map<number, CompiledContract>();
      routes.set(Number(/\[(\d+)\]/.exec(at)?.[1]), compiled);
      result.byRoute.set(node.id, routes);
    }
  });
  return result;
}

/** The contracts a node declares, with the config path prefix of each ('' or `routes[i].`). */
function contractsOf(node: FlowNode): Array<[string, MessageContract]> {
  switch (node.kind) {
    case 'kafkaTopic':
    case 'rabbitQueue':
    case 'rabbitExchange':
      return [['', node.config.contract]];
    case 'restService':
      return node.config.routes.map((route, i) => [`routes[${i}].`, route.contract]);
    default:
      return [];
  }
}

/** The .proto files of every gRPC service in the flow, built into one root on first need. */
function lazyProtoRoot(flow: FlowDocument): () => protobuf.Root {
  let built: { root: protobuf.Root } | { error: unknown } | undefined;
  return () => {
    if (!built) {
      const files: Record<string, string> = {};
      for (const node of flow.nodes) {
        if (node.kind !== 'grpcService') continue;
        files[`${node.config.name}.proto`] = node.config.proto;
        for (const [name, source] of Object.entries(node.config.imports)) files[name] ??= source;
      }
      try {
        built = { root: buildProtoRoot(files) };
      } catch (error) {
        built = { error };
      }
    }
    if ('error' in built) throw built.error;
    return built.root;
  };
}
