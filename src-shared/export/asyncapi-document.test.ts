import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { flowToAsyncApi, flowToAsyncApiYaml } from './asyncapi-document';
import { parseFlowValue } from '../flow/parse';
import { exportTestFlow } from './export-test-flow';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('flowToAsyncApi', () => {
  const doc = flowToAsyncApi(exportTestFlow()) as Doc;

  it('is an AsyncAPI 3.0 document named after the flow', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    expect(doc.info.title).toBe('Orders <&> "test"; #1');
  });

  it('takes servers from the environment: the local brokers by default, TLS/SASL as kafka-secure', () => {
    expect(doc.servers).toEqual({
      kafka: expect.objectContaining({ host: '127.0.0.1:9092', protocol: 'kafka' }),
      rabbitmq: expect.objectContaining({ host: '127.0.0.1:5672', protocol: 'amqp' }),
    });
    const custom = flowToAsyncApi(exportTestFlow(), {
      environment: {
        kind: 'custom',
        id: 'prod',
        name: 'Prod',
        kafka: {
          brokers: ['k1:9093', 'k2:9093'],
          sasl: { mechanism: 'plain', username: 'u', password: { from: 'env', name: 'P' } },
        },
        amqp: { url: 'amqps://mq.example:5671/shop' },
      },
    }) as Doc;
    expect(custom.servers.kafka).toMatchObject({ host: 'k1:9093,k2:9093', protocol: 'kafka-secure' });
    expect(custom.servers.rabbitmq).toMatchObject({ host: 'mq.example:5671', protocol: 'amqps' });
    const local = flowToAsyncApi(exportTestFlow(), {
      environment: {
        kind: 'local',
        kafkaBrokers: ['10.0.0.1:19092'],
        amqpUrl: 'amqp://guest:secret@10.0.0.2:5673',
      },
    }) as Doc;
    expect(local.servers.rabbitmq.host).toBe('10.0.0.2:5673');
    expect(JSON.stringify(local)).not.toContain('secret');
  });

  it('has a channel per topic, queue and exchange with its bindings', () => {
    expect(Object.keys(doc.channels).sort()).toEqual(['ex', 'q', 'topic']);
    expect(doc.channels.topic.bindings.kafka).toMatchObject({
      topic: 'audit',
      partitions: 6,
      topicConfiguration: { 'cleanup.policy': ['compact', 'delete'] },
    });
    expect(doc.channels.q.bindings.amqp).toMatchObject({
      is: 'queue',
      queue: { name: 'billing', durable: true },
    });
    expect(doc.channels.ex.bindings.amqp).toMatchObject({
      is: 'routingKey',
      exchange: { name: 'orders', type: 'topic' },
    });
    expect(doc.channels.q['x-flowbench-bound-from']).toEqual([{ from: 'orders', binding: 'order.#' }]);
  });

  it('has a send operation per publisher and a receive operation per reader', () => {
    const ops = Object.values(doc.operations as Record<string, Doc>).map(
      (o) => `${o.action} ${o.channel.$ref}`,
    );
    expect(ops.sort()).toEqual([
      'receive #/channels/q',
      'receive #/channels/topic',
      'send #/channels/ex',
      'send #/channels/topic',
    ]);
    expect(doc.operations['reader.receive.topic'].bindings.kafka.groupId).toEqual({
      type: 'string',
      enum: ['audit-group'],
    });
  });

  it('takes payload schemas from contracts, then recorded messages, then templates', () => {
    const messages = doc.components.messages;
    // The queue's JSON Schema contract, without its $schema keyword.
    expect(messages['q.message'].payload).toEqual({
      type: 'object',
      properties: { total: { type: 'number' } },
      required: ['total'],
    });
    // The producer's template: {{seq}} outside quotes is a number, {{uuid}} inside is text.
    expect(messages['topic.message'].payload).toEqual({
      type: 'object',
      properties: {
        id: { type: 'integer' },
        sku: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['id', 'sku', 'tags'],
    });
    const recorded = flowToAsyncApi(exportTestFlow(), {
      samples: { audit: [{ who: 'ann', at: 1.5 }] },
    }) as Doc;
    expect(recorded.components.messages['topic.message'].payload.properties).toEqual({
      who: { type: 'string' },
      at: { type: 'number' },
    });
    expect(recorded.components.messages['topic.message'].examples).toEqual([
      { payload: { who: 'ann', at: 1.5 } },
    ]);
  });

  it('carries an Avro contract as an Avro schema and names a protobuf one', () => {
    const avro = '{"type":"record","name":"Order","fields":[{"name":"id","type":"long"}]}';
    const parsed = parseFlowValue({
      version: 2,
      name: 'contracts',
      nodes: [
        {
          id: 'a',
          kind: 'kafkaTopic',
          position: { x: 0, y: 0 },
          config: { topic: 'a', encoding: 'avro', contract: { format: 'avro', schema: avro } },
        },
        {
          id: 'p',
          kind: 'rabbitQueue',
          position: { x: 0, y: 0 },
          config: { queue: 'p', contract: { format: 'protobuf', messageType: 'shop.Order' } },
        },
      ],
      edges: [],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const messages = (flowToAsyncApi(parsed.flow) as Doc).components.messages;
    expect(messages['a.message']).toMatchObject({
      contentType: 'application/octet-stream',
      payload: { schemaFormat: 'application/vnd.apache.avro;version=1.9.0', schema: JSON.parse(avro) },
    });
    expect(messages['p.message']['x-flowbench-contract']).toEqual({
      format: 'protobuf',
      messageType: 'shop.Order',
    });
  });

  it('is written as YAML that reads back to the same document', () => {
    expect(parse(flowToAsyncApiYaml(exportTestFlow()))).toEqual(doc);
  });
});
