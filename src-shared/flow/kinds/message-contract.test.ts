import { describe, expect, it } from 'vitest';
import { validateNodeConfig } from '../parse';
import { encodingProblem, messageContract } from './message-contract';
import { kafkaTopicConfig, rabbitExchangeConfig, rabbitQueueConfig } from './messaging';
import { restRoute } from './services';

describe('message contracts on node configs', () => {
  it('default to none, so flows written before contracts still parse', () => {
    expect(kafkaTopicConfig.parse({ topic: 't' })).toMatchObject({
      contract: { format: 'none' },
      encoding: 'json',
      schemaId: 1,
    });
    expect(rabbitQueueConfig.parse({ queue: 'q' }).contract).toEqual({ format: 'none' });
    expect(rabbitExchangeConfig.parse({ exchange: 'x' }).contract).toEqual({ format: 'none' });
    expect(restRoute.parse({}).contract).toEqual({ format: 'none' });
  });

  it('accept each format', () => {
    for (const contract of [
      { format: 'json-schema', schema: '{"type": "object"}' },
      { format: 'protobuf', messageType: 'shop.Order' },
      { format: 'avro', schema: '"string"' },
    ]) {
      expect(messageContract.parse(contract)).toEqual(contract);
    }
  });

  it('name the field of a bad contract', () => {
    expect(validateNodeConfig('kafkaTopic', { topic: 't', contract: { format: 'xml' } })).toEqual({
      ok: false,
      errors: { 'contract.format': 'format must be one of none, json-schema, protobuf, avro' },
    });
    const badJson = validateNodeConfig('rabbitQueue', {
      queue: 'q',
      contract: { format: 'avro', schema: '{' },
    });
    expect(badJson.ok).toBe(false);
    expect(!badJson.ok && badJson.errors['contract.schema']).toMatch(/^is not valid JSON \(/);
    expect(validateNodeConfig('rabbitExchange', { exchange: 'x', contract: { format: 'protobuf' } })).toEqual(
      {
        ok: false,
        errors: { 'contract.messageType': 'is required' },
      },
    );
    expect(
      validateNodeConfig('kafkaTopic', {
        topic: 't',
        contract: { format: 'protobuf', messageType: 'shop Order' },
      }),
    ).toEqual({
      ok: false,
      errors: { 'contract.messageType': 'must be a message type name such as shop.Order' },
    });
  });

  it('refuse an encoding that cannot carry the contract', () => {
    expect(validateNodeConfig('kafkaTopic', { topic: 't', encoding: 'avro-confluent' })).toEqual({
      ok: false,
      errors: { encoding: 'avro-confluent needs an Avro message contract (this topic declares none)' },
    });
    expect(encodingProblem('protobuf', { format: 'json-schema', schema: '{}' })).toBe(
      'protobuf needs a protobuf message contract (this topic declares json-schema)',
    );
    expect(encodingProblem('json', { format: 'avro', schema: '"int"' })).toBeNull();
    expect(encodingProblem('avro', { format: 'avro', schema: '"int"' })).toBeNull();
  });
});
