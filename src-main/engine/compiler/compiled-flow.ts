import type { FlowDocument, FlowNode } from '@shared/flow/document';
import type { CompiledContract } from '../contracts/contract-types';
import type { CompiledTemplate } from '../template/payload-template';
import type { GrpcTarget } from '../transports/grpc/grpc-client';
import type { LoadedService, UnaryMethod } from '../transports/grpc/load-proto';
import type { MethodBehaviour } from '../transports/grpc/method-behaviour';
import type { CompiledGraphqlClient, CompiledGraphqlService } from './compiled-graphql';
import type { CompiledApiGateway } from './compile-gateway';
import type { CompiledRestResource } from './compile-rest-resources';
import type { CompiledSaga } from './compile-saga';
import type { RabbitTopology } from './rabbit-topology';

/** Where a producer sends, or a consumer reads from. */
export type MessagingEndpoint =
  { kind: 'topic'; node: FlowNode<'kafkaTopic'> } | { kind: 'queue'; node: FlowNode<'rabbitQueue'> };

export interface CompiledProducer {
  node: FlowNode<'producer'>;
  payload: CompiledTemplate;
  key: CompiledTemplate | null;
  headers: Array<[string, CompiledTemplate]>;
  targets: MessagingEndpoint[];
}

export interface CompiledConsumer {
  node: FlowNode<'consumer'>;
  sources: MessagingEndpoint[];
}

export interface CompiledGrpcService {
  node: FlowNode<'grpcService'>;
  service: LoadedService;
  /** How each method answers; a method without one answers UNIMPLEMENTED. */
  behaviours: Map<string, MethodBehaviour>;
}

export interface CompiledGrpcClient {
  node: FlowNode<'grpcClient'>;
  request: CompiledTemplate;
  /** Metadata sent with every call (templates), besides the traceparent. */
  metadata: Array<[string, CompiledTemplate]>;
  target: {
    service: LoadedService;
    method: UnaryMethod;
    /** The service node of the flow it calls; null when it calls `external`. */
    serviceNodeId: string | null;
    external: GrpcTarget | null;
  };
}

export interface CompiledRestRoute {
  route: FlowNode<'restService'>['config']['routes'][number];
  response: CompiledTemplate;
  headers: Array<[string, CompiledTemplate]>;
  /** Which read model entry a route answering from a projection returns. */
  readModelKey?: CompiledTemplate;
}

export interface CompiledRestService {
  node: FlowNode<'restService'>;
  routes: CompiledRestRoute[];
  /** CRUD resources served besides the routes (absent: none). */
  resources?: CompiledRestResource[];
}

export interface CompiledRestClient {
  node: FlowNode<'restClient'>;
  path: CompiledTemplate;
  body: CompiledTemplate | null;
  headers: Array<[string, CompiledTemplate]>;
  /** The REST service node it calls; null when its path is an absolute URL. */
  targetId: string | null;
}

export interface CompiledTimer {
  node: FlowNode<'timer'>;
  payload: CompiledTemplate;
}

/** A flow checked end to end and ready to run: nothing here can fail for a reason found at compile time. */
export interface CompiledFlow {
  flow: FlowDocument;
  topics: Array<FlowNode<'kafkaTopic'>>;
  queues: Array<FlowNode<'rabbitQueue'>>;
  producers: CompiledProducer[];
  consumers: CompiledConsumer[];
  grpcServices: CompiledGrpcService[];
  grpcClients: CompiledGrpcClient[];
  timers: CompiledTimer[];
  restServices: CompiledRestService[];
  restClients: CompiledRestClient[];
  /** Message contracts of topics, queues and exchanges, by node id. */
  contracts: Map<string, CompiledContract>;
  graphqlServices: CompiledGraphqlService[];
  graphqlClients: CompiledGraphqlClient[];
  /** API gateways with their routes resolved to services (issue 5, pattern 10). */
  apiGateways: CompiledApiGateway[];
  /** Saga orchestrators with their steps resolved to service calls. */
  sagas: CompiledSaga[];
  /** Node display names by id, for messages and the UI. */
  names: Map<string, string>;
  /** The RabbitMQ queues, exchanges and bindings the flow declares, worked out once for the run. */
  rabbit: RabbitTopology;
}
