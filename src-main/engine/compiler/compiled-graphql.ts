import type { FlowNode } from '@shared/flow/document';
import type { MessagePath } from '@shared/flow/expressions/json-path';
import type { HTTP_METHODS } from '@shared/flow/kinds/common';
import type { CompiledTemplate } from '../template/payload-template';
import type { LoadedService } from '../transports/grpc/load-proto';

/** A field resolved by another node of the flow; `field` is always `Type.field`. */
export type CompiledGraphqlBinding =
  | {
      kind: 'publish';
      field: string;
      /** The topic, queue or exchange node, and the edge the service publishes along. */
      targetId: string;
      edgeId: string;
      /** The message; null sends the arguments as JSON. */
      body: CompiledTemplate | null;
      key: CompiledTemplate | null;
    }
  | { kind: 'subscribe'; field: string; sourceId: string }
  | {
      kind: 'call';
      field: string;
      /** The REST service node called over HTTP. */
      targetId: string;
      method: (typeof HTTP_METHODS)[number];
      path: CompiledTemplate;
      body: CompiledTemplate | null;
      timeoutMs: number;
      /** The part of the reply that is the field's value; absent takes the whole reply. */
      select?: MessagePath;
    }
  | {
      kind: 'grpc';
      field: string;
      /** The gRPC service node, its loaded service and the unary method called. */
      targetId: string;
      service: LoadedService;
      rpc: string;
      /** The request (JSON); null sends the arguments. */
      request: CompiledTemplate | null;
      timeoutMs: number;
      select?: MessagePath;
    };

export interface CompiledGraphqlService {
  node: FlowNode<'graphqlService'>;
  /** Result templates by `Type.field` (keys as written in the node resolved against the schema). */
  templates: Map<string, CompiledTemplate>;
  bindings: CompiledGraphqlBinding[];
}

export interface CompiledGraphqlClient {
  node: FlowNode<'graphqlClient'>;
  variables: CompiledTemplate;
  /** The GraphQL service node it calls. */
  targetId: string;
  operationType: 'query' | 'mutation';
  operationName: string | null;
}
