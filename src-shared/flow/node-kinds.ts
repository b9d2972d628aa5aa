import type { z } from 'zod';
import { groupConfig, noteConfig } from './kinds/annotations';
import {
  consumerConfig,
  kafkaTopicConfig,
  producerConfig,
  rabbitExchangeConfig,
  rabbitQueueConfig,
} from './kinds/messaging';
import {
  apiGatewayConfig,
  eventStoreConfig,
  meshPolicyConfig,
  projectionConfig,
  sagaOrchestratorConfig,
} from './kinds/patterns';
import { filterConfig, routerConfig, sinkConfig, timerConfig } from './kinds/routing';
import {
  graphqlClientConfig,
  graphqlServiceConfig,
  grpcClientConfig,
  grpcServiceConfig,
  restClientConfig,
  restServiceConfig,
} from './kinds/services';

/**
 * Config schemas of every node kind, one family per file under `kinds/`. Each has defaults,
 * so a node dropped from the palette is valid except for the fields a user must choose
 * (topic, queue, exchange). Kind ids are written into flow files: never rename one.
 */
export const nodeConfigSchemas = {
  producer: producerConfig,
  consumer: consumerConfig,
  kafkaTopic: kafkaTopicConfig,
  rabbitExchange: rabbitExchangeConfig,
  rabbitQueue: rabbitQueueConfig,
  restService: restServiceConfig,
  restClient: restClientConfig,
  grpcService: grpcServiceConfig,
  grpcClient: grpcClientConfig,
  graphqlService: graphqlServiceConfig,
  graphqlClient: graphqlClientConfig,
  apiGateway: apiGatewayConfig,
  sagaOrchestrator: sagaOrchestratorConfig,
  eventStore: eventStoreConfig,
  projection: projectionConfig,
  meshPolicy: meshPolicyConfig,
  router: routerConfig,
  filter: filterConfig,
  timer: timerConfig,
  sink: sinkConfig,
  group: groupConfig,
  note: noteConfig,
} as const;

/** A node kind id, as written in flow files. */
export type NodeKind = keyof typeof nodeConfigSchemas;

/** Every kind, in palette order. */
export const NODE_KINDS = Object.keys(nodeConfigSchemas) as NodeKind[];

/** The parsed (defaults filled) config of each kind. */
export type NodeConfigByKind = { [K in NodeKind]: z.infer<(typeof nodeConfigSchemas)[K]> };

export * from './kinds/messaging';
export * from './kinds/services';
export * from './kinds/patterns';
export * from './kinds/routing';
export * from './kinds/annotations';
export * from './kinds/message-contract';
export { DEFAULT_PROTO, DEFAULT_SDL, DEFAULT_QUERY } from './kinds/service-samples';
