import { stringify } from 'yaml';
import type { FlowDocument, FlowNode } from '../flow/document';
import { edgeLabel } from '../flow/edge-label';
import { NODE_CATALOG } from '../flow/node-catalog';
import { brokerAddresses } from './broker-addresses';
import type { ExportOptions } from './export-types';
import { exampleFromTemplate, inferSchema, type JsonSchema } from './infer-schema';

type ChannelNode = FlowNode<'kafkaTopic' | 'rabbitQueue' | 'rabbitExchange'>;
type Doc = Record<string, unknown>;

const isChannel = (node: FlowNode): node is ChannelNode =>
  node.kind === 'kafkaTopic' || node.kind === 'rabbitQueue' || node.kind === 'rabbitExchange';

/** A key AsyncAPI accepts for channels, operations and components (`^[\w\d.\-_]+$`). */
const keyOf = (text: string): string => text.replace(/[^\w.-]/g, '_') || '_';

function addressOf(node: ChannelNode): string {
  if (node.kind === 'kafkaTopic') return node.config.topic;
  if (node.kind === 'rabbitQueue') return node.config.queue;
  return node.config.exchange;
}

/** The payload template a sender would publish, when it has one. */
function templateOf(node: FlowNode): string | undefined {
  if (node.kind === 'producer' || node.kind === 'timer') return node.config.payload;
  return undefined;
}

function channelBindings(node: ChannelNode): Doc {
  if (node.kind === 'kafkaTopic') {
    const c = node.config;
    return {
      kafka: {
        topic: c.topic,
        partitions: c.partitions,
        ...(c.replicationFactor > 0 ? { replicas: c.replicationFactor } : {}),
        topicConfiguration: {
          'cleanup.policy': c.cleanupPolicy.split(','),
          'retention.ms': c.retentionMs,
          'max.message.bytes': c.maxMessageBytes,
        },
        bindingVersion: '0.5.0',
      },
    };
  }
  if (node.kind === 'rabbitQueue') {
    const c = node.config;
    return {
      amqp: {
        is: 'queue',
        queue: {
          name: c.queue,
          durable: c.durable || c.queueType === 'quorum',
          exclusive: false,
          autoDelete: false,
          vhost: '/',
        },
        bindingVersion: '0.3.0',
      },
    };
  }
  const c = node.config;
  return {
    amqp: {
      is: 'routingKey',
      exchange: { name: c.exchange, type: c.type, durable: c.durable, autoDelete: false, vhost: '/' },
      bindingVersion: '0.3.0',
    },
  };
}

/**
 * The message schema of a channel: its declared JSON Schema contract, else one inferred from
 * recorded payloads, else from the payload templates of the nodes that send to it (or to the
 * exchanges that route to it). An Avro contract is carried as an Avro schema; a protobuf one is
 * named in an extension (its .proto stays with the flow) and the payload inferred as for none.
 */
function messageOf(node: ChannelNode, senders: FlowNode[], options: ExportOptions): Doc {
  const address = addressOf(node);
  const message: Doc = { name: address, title: `Message on ${address}`, contentType: 'application/json' };
  const contract = node.config.contract;
  let payload: JsonSchema | undefined;
  if (contract.format === 'json-schema') {
    const { $schema: _s, $id: _i, ...schema } = JSON.parse(contract.schema) as JsonSchema;
    payload = schema;
  } else if (contract.format === 'avro') {
    // AsyncAPI carries Avro as a multi-format schema; the engine already checked it compiles.
    payload = {
      schemaFormat: 'application/vnd.apache.avro;version=1.9.0',
      schema: JSON.parse(contract.schema) as unknown,
    };
    message.contentType =
      node.kind === 'kafkaTopic' && node.config.encoding !== 'json'
        ? 'application/octet-stream'
        : 'application/json';
  } else if (contract.format === 'protobuf') {
    // The message type lives in the flow's .proto files, which the document does not carry.
    message['x-flowbench-contract'] = { format: 'protobuf', messageType: contract.messageType };
  }
  const samples = options.samples?.[address];
  if (!payload && samples && samples.length > 0) {
    payload = inferSchema(samples[0]);
    message.examples = samples.slice(0, 3).map((s) => ({ payload: s }));
  }
  if (!payload) {
    for (const sender of senders) {
      const template = templateOf(sender);
      const example = template === undefined ? null : exampleFromTemplate(template);
      if (example === null) continue;
      payload = inferSchema(example);
      message.description = `Inferred from the payload template of ${sender.config.name || sender.id}.`;
      break;
    }
  }
  message.payload = payload ?? {
    description: 'No contract, template or recorded message describes this payload.',
  };
  return message;
}

/**
 * The flow as an AsyncAPI 3.0 document: servers from the environment (the brokers the flow
 * uses), a channel per topic, queue and exchange with its Kafka or AMQP bindings, a send
 * operation per node publishing to a channel and a receive operation per node reading one.
 */
export function flowToAsyncApi(flow: FlowDocument, options: ExportOptions = {}): Doc {
  const brokers = brokerAddresses(options.environment);
  const byId = new Map(flow.nodes.map((node) => [node.id, node]));
  const channelNodes = flow.nodes.filter(isChannel);
  const usesKafka = channelNodes.some((node) => node.kind === 'kafkaTopic');
  const usesAmqp = channelNodes.some((node) => node.kind !== 'kafkaTopic');
  const servers: Doc = {};
  if (usesKafka) {
    servers.kafka = {
      host: brokers.kafka.hosts.join(','),
      protocol: brokers.kafka.secure ? 'kafka-secure' : 'kafka',
      description: `Kafka of the environment "${brokers.environmentName}".`,
    };
  }
  if (usesAmqp) {
    servers.rabbitmq = {
      host: `${brokers.amqp.host}:${brokers.amqp.port}`,
      protocol: brokers.amqp.secure ? 'amqps' : 'amqp',
      description: `RabbitMQ of the environment "${brokers.environmentName}".`,
    };
  }
  const channelKey = new Map(channelNodes.map((node) => [node.id, keyOf(node.id)]));
  const sendersOf = (id: string, depth = 0): FlowNode[] =>
    flow.edges
      .filter((e) => e.target === id)
      .flatMap((e) => {
        const source = byId.get(e.source);
        if (!source) return [];
        // Messages reach a queue through its exchanges: their senders' templates describe them.
        return isChannel(source) ? (depth < 10 ? sendersOf(source.id, depth + 1) : []) : [source];
      });
  const channels: Doc = {};
  const messages: Doc = {};
  for (const node of channelNodes) {
    const key = channelKey.get(node.id) ?? keyOf(node.id);
    const messageKey = `${key}.message`;
    messages[messageKey] = messageOf(node, sendersOf(node.id), options);
    const routes = flow.edges
      .filter((e) => e.target === node.id && byId.get(e.source) && isChannel(byId.get(e.source) as FlowNode))
      .map((e) => ({
        from: addressOf(byId.get(e.source) as ChannelNode),
        binding: edgeLabel(e.config, null, null) || '(all)',
      }));
    channels[key] = {
      address: addressOf(node),
      title: node.config.name,
      description: `${NODE_CATALOG[node.kind].label} "${addressOf(node)}".`,
      servers: [{ $ref: `#/servers/${node.kind === 'kafkaTopic' ? 'kafka' : 'rabbitmq'}` }],
      messages: { [messageKey]: { $ref: `#/components/messages/${messageKey}` } },
      bindings: channelBindings(node),
      ...(routes.length > 0 ? { 'x-flowbench-bound-from': routes } : {}),
    };
  }
  const operations: Doc = {};
  for (const edge of flow.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target || isChannel(source) === isChannel(target)) continue;
    const sending = isChannel(target);
    const actor = sending ? source : target;
    const channel = (sending ? target : source) as ChannelNode;
    const key = channelKey.get(channel.id) ?? keyOf(channel.id);
    const opKey = keyOf(`${actor.id}.${sending ? 'send' : 'receive'}.${key}`);
    const bindings: Doc = {};
    if (!sending && actor.kind === 'consumer' && channel.kind === 'kafkaTopic') {
      bindings.kafka = {
        groupId: { type: 'string', enum: [actor.config.group || actor.config.name] },
        bindingVersion: '0.5.0',
      };
    }
    if (!sending && channel.kind !== 'kafkaTopic') bindings.amqp = { ack: true, bindingVersion: '0.3.0' };
    operations[opKey] = {
      action: sending ? 'send' : 'receive',
      channel: { $ref: `#/channels/${key}` },
      title: `${actor.config.name || actor.id} ${sending ? 'sends to' : 'receives from'} ${addressOf(channel)}`,
      summary: `${NODE_CATALOG[actor.kind].label} "${actor.config.name || actor.id}".`,
      // The node's own name, so an import of this document names (and joins) its nodes again.
      'x-flowbench-node': actor.config.name || actor.id,
      messages: [{ $ref: `#/channels/${key}/messages/${key}.message` }],
      ...(Object.keys(bindings).length > 0 ? { bindings } : {}),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: flow.name,
      version: '1.0.0',
      description: `Generated by Flowbench from the flow "${flow.name}".`,
    },
    ...(Object.keys(servers).length > 0 ? { servers } : {}),
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}

/** The AsyncAPI document as YAML text. */
export function flowToAsyncApiYaml(flow: FlowDocument, options: ExportOptions = {}): string {
  return stringify(flowToAsyncApi(flow, options), { lineWidth: 0, aliasDuplicateObjects: false });
}
