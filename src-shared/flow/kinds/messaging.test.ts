import { describe, expect, it } from 'vitest';
import { validateNodeConfig } from '../parse';
import {
  consumerConfig,
  kafkaTopicConfig,
  producerConfig,
  rabbitExchangeConfig,
  rabbitQueueConfig,
} from './messaging';

describe('messaging schemas', () => {
  it('fill defaults', () => {
    expect(producerConfig.parse({})).toMatchObject({ name: 'producer', rate: 10, count: 100, headers: {} });
    expect(consumerConfig.parse({})).toEqual({
      name: 'consumer',
      group: '',
      members: 1,
      fromBeginning: true,
      processingMs: 0,
      batch: false,
      batchSize: 100,
      commit: 'auto',
    });
    expect(producerConfig.parse({})).toMatchObject({
      partitioner: 'murmur2',
      partition: 0,
      acks: 'all',
      compression: 'none',
      idempotent: false,
    });
    expect(kafkaTopicConfig.parse({ topic: 't' })).toEqual({
      name: 'topic',
      topic: 't',
      partitions: 3,
      retentionMs: 604_800_000,
      replicationFactor: -1,
      cleanupPolicy: 'delete',
      maxMessageBytes: 1_048_588,
      keySchema: '',
      contract: { format: 'none' },
      encoding: 'json',
      schemaId: 1,
    });
    expect(rabbitExchangeConfig.parse({ exchange: 'x' })).toEqual({
      name: 'exchange',
      exchange: 'x',
      type: 'direct',
      durable: true,
      contract: { format: 'none' },
    });
    expect(rabbitQueueConfig.parse({ queue: 'q' })).toEqual({
      name: 'queue',
      queue: 'q',
      durable: false,
      queueType: 'classic',
      prefetch: 50,
      messageTtlMs: 0,
      maxLength: 0,
      overflow: 'drop-head',
      deadLetter: '',
      deadLetterRoutingKey: '',
      maxDeliveries: 0,
      contract: { format: 'none' },
    });
  });

  it('take a quorum queue with overflow and a dead-letter routing key, and refuse unknown ones', () => {
    expect(
      rabbitQueueConfig.parse({
        queue: 'q',
        queueType: 'quorum',
        overflow: 'reject-publish',
        deadLetterRoutingKey: 'dead',
      }),
    ).toMatchObject({ queueType: 'quorum', overflow: 'reject-publish', deadLetterRoutingKey: 'dead' });
    expect(
      validateNodeConfig('rabbitQueue', { queue: 'q', queueType: 'stream', overflow: 'drop-tail' }),
    ).toEqual({
      ok: false,
      errors: {
        queueType: 'must be one of classic, quorum',
        overflow: 'must be one of drop-head, reject-publish, reject-publish-dlx',
      },
    });
  });

  it('refuse bad values with a message per field', () => {
    expect(validateNodeConfig('kafkaTopic', { topic: 'a b', retentionMs: -2 })).toEqual({
      ok: false,
      errors: {
        topic: 'may only contain letters, digits, ".", "_" and "-"',
        retentionMs: 'must be -1 (forever) or more',
      },
    });
    expect(validateNodeConfig('rabbitExchange', { exchange: 'amq.direct', type: 'x-delayed' })).toEqual({
      ok: false,
      errors: {
        exchange: 'must not start with "amq." (reserved by RabbitMQ)',
        type: 'must be one of direct, topic, fanout, headers',
      },
    });
    expect(validateNodeConfig('rabbitQueue', { queue: 'q', messageTtlMs: 1.5, maxLength: -1 })).toEqual({
      ok: false,
      errors: { messageTtlMs: 'must be a whole number', maxLength: 'must be 0 (no limit) or more' },
    });
    expect(validateNodeConfig('producer', { acks: 'quorum', compression: 'lz4', partition: -1 })).toEqual({
      ok: false,
      errors: {
        acks: 'must be one of all, leader, none',
        compression: 'must be one of none, gzip, snappy',
        partition: 'must be 0 or more',
      },
    });
    expect(
      validateNodeConfig('kafkaTopic', { topic: 't', replicationFactor: 0, maxMessageBytes: 10 }),
    ).toEqual({
      ok: false,
      errors: {
        replicationFactor: 'must be -1 (cluster default) or at least 1',
        maxMessageBytes: 'must be at least 1024',
      },
    });
    expect(validateNodeConfig('consumer', { members: 0 })).toEqual({
      ok: false,
      errors: { members: 'must be at least 1' },
    });
  });
});
