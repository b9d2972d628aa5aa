import type { z } from 'zod';
import { behaviourList } from './kinds/behaviours';
import { faultList } from './kinds/faults';
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
 * The optional `faults` list (faults on demand) of kinds that messages pass through, and the
 * `behaviours` steps of service and routing kinds. Optional rather than defaulted, so files
 * without them parse and serialize exactly as before.
 */
const faultsField = { faults: faultList.optional() };
const behavioursField = { ...faultsField, behaviours: behaviourList.optional() };

/**
 * Config schemas of every node kind, one family per file under `kinds/`. Each has defaults,
 * so a node dropped from the palette is valid except for the fields a user must choose
 * (topic, queue, exchange). Kind ids are written into flow files: never rename one.
 */
export const nodeConfigSchemas = {
  producer: producerConfig.safeExtend(faultsField),
  consumer: consumerConfig.safeExtend(faultsField),
  kafkaTopic: kafkaTopicConfig.safeExtend(faultsField),
  rabbitExchange: rabbitExchangeConfig.safeExtend(faultsField),
  rabbitQueue: rabbitQueueConfig.safeExtend(faultsField),
  restService: restServiceConfig.safeExtend(behavioursField),
  restClient: restClientConfig.safeExtend(faultsField),
  grpcService: grpcServiceConfig.safeExtend(behavioursField),
  grpcClient: grpcClientConfig.safeExtend(faultsField),
  graphqlService: graphqlServiceConfig.safeExtend(behavioursField),
  graphqlClient: graphqlClientConfig.safeExtend(faultsField),
  apiGateway: apiGatewayConfig.safeExtend(faultsField),
  sagaOrchestrator: sagaOrchestratorConfig.safeExtend(faultsField),
  eventStore: eventStoreConfig.safeExtend(faultsField),
  projection: projectionConfig.safeExtend(faultsField),
  meshPolicy: meshPolicyConfig,
  router: routerConfig.safeExtend(behavioursField),
  filter: filterConfig.safeExtend(behavioursField),
  timer: timerConfig.safeExtend(faultsField),
  sink: sinkConfig.safeExtend(faultsField),
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
export * from './kinds/faults';
export * from './kinds/behaviours';
export { DEFAULT_PROTO, DEFAULT_SDL, DEFAULT_QUERY } from './kinds/service-samples';
