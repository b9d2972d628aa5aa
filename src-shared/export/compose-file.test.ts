import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseFlowValue } from '../flow/parse';
import { flowToCompose } from './compose-file';
import { exportTestFlow } from './export-test-flow';

describe('flowToCompose', () => {
  it('brings up a single-node KRaft Kafka and RabbitMQ with management on the expected ports', () => {
    const doc = parse(flowToCompose(exportTestFlow()));
    expect(Object.keys(doc.services)).toEqual(['kafka', 'rabbitmq']);
    expect(doc.services.kafka.image).toMatch(/^apache\/kafka:3\.9\./);
    expect(doc.services.kafka.environment.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(doc.services.kafka.environment.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
    expect(doc.services.kafka.ports).toEqual(['127.0.0.1:9092:9092']);
    expect(doc.services.rabbitmq.image).toBe('rabbitmq:3-management');
    expect(doc.services.rabbitmq.ports).toEqual(['127.0.0.1:5672:5672', '127.0.0.1:15672:15672']);
    expect(doc.name).toBe('orders-test-1');
  });

  it("uses the environment's ports", () => {
    const text = flowToCompose(exportTestFlow(), {
      environment: { kind: 'local', kafkaBrokers: ['127.0.0.1:19092'], amqpUrl: 'amqp://127.0.0.1:5673' },
    });
    const doc = parse(text);
    expect(doc.services.kafka.ports).toEqual(['127.0.0.1:19092:19092']);
    expect(doc.services.kafka.environment.KAFKA_ADVERTISED_LISTENERS).toBe('PLAINTEXT://127.0.0.1:19092');
    expect(doc.services.rabbitmq.ports[0]).toBe('127.0.0.1:5673:5672');
  });

  it('starts only the brokers the flow uses', () => {
    const parsed = parseFlowValue({
      version: 2,
      name: 'kafka only',
      nodes: [{ id: 't', kind: 'kafkaTopic', position: { x: 0, y: 0 }, config: { topic: 'a' } }],
      edges: [],
    });
    if (!parsed.ok) throw new Error('bad flow');
    expect(Object.keys(parse(flowToCompose(parsed.flow)).services)).toEqual(['kafka']);
  });
});
