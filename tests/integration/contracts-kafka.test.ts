import { Kafka, logLevel } from 'kafkajs';
import type { Admin, Consumer, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContract } from '../../src-main/engine/contracts/compile-contract';
import type { PayloadCheck } from '../../src-main/engine/contracts/contract-types';
import { describePayload } from '../../src-main/engine/contracts/describe-payload';
import { frameRegistryPayload } from '../../src-main/engine/contracts/registry-frame';
import { KAFKA_BROKERS, uniqueName, waitFor } from './helpers/brokers';

const ORDER_AVRO = JSON.stringify({
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'email', type: 'string' },
    { name: 'amount', type: 'double' },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID', 'SHIPPED'] } },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
});
const SCHEMA_ID = 7;
const FAKES = 20;

const kafka = new Kafka({
  clientId: 'flowbench-test-contracts',
  brokers: KAFKA_BROKERS,
  logLevel: logLevel.NOTHING,
});
const topic = uniqueName('fb-contracts');
const group = uniqueName('fb-contracts-group');
let admin: Admin;
let producer: Producer;
let consumer: Consumer | undefined;

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  producer = kafka.producer();
  await producer.connect();
});

afterAll(async () => {
  await consumer?.disconnect();
  await producer.disconnect();
  await admin.deleteGroups([group]).catch(() => undefined);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
});

describe('message contracts on a real Kafka topic', () => {
  it('writes Schema Registry framed Avro that a raw consumer decodes, and flags what breaks the contract', async () => {
    const contract = compileContract(
      { format: 'avro', schema: ORDER_AVRO },
      { encoding: 'avro-confluent', schemaId: SCHEMA_ID },
    );
    const sent = Array.from({ length: FAKES }, (_, seq) => contract.fake(seq));
    const body = contract.encode(sent[0]).subarray(5);
    // With note null the last byte is the union branch and the one before it the status index.
    const badStatus = Buffer.from(contract.encode({ ...(sent[0] as object), note: null }));
    badStatus[badStatus.length - 2] = 18; // zigzag 9: there are 3 symbols
    const invalid = [
      badStatus,
      // Another schema's id on otherwise good bytes.
      frameRegistryPayload(SCHEMA_ID + 1, body),
      // The right id, but the Avro body stops half-way.
      frameRegistryPayload(SCHEMA_ID, body.subarray(0, 6)),
      // JSON text on an Avro topic.
      Buffer.from(JSON.stringify(sent[0])),
    ];
    await producer.send({
      topic,
      messages: [
        ...sent.map((value) => ({ value: contract.encode(value) })),
        ...invalid.map((value) => ({ value })),
      ],
    });

    const received: Buffer[] = [];
    consumer = kafka.consumer({ groupId: group });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.value) received.push(message.value);
      },
    });
    await waitFor(
      `${FAKES + invalid.length} messages on ${topic}`,
      () => received.length >= FAKES + invalid.length,
    );

    const checks: PayloadCheck[] = received.map((payload) => contract.check(payload));
    for (let i = 0; i < FAKES; i += 1) {
      expect(checks[i]).toMatchObject({ ok: true, schemaId: SCHEMA_ID });
      expect(checks[i].ok && contract.toJson(checks[i].value)).toEqual(sent[i]);
      expect([...received[i].subarray(0, 5)]).toEqual([0, 0, 0, 0, SCHEMA_ID]);
    }
    expect(checks.slice(FAKES).map((c) => (c.ok ? 'ok' : c.errors[0].message))).toEqual([
      'payload is not a valid Avro message: invalid shop.Status enum index: 9',
      `unknown schema id ${SCHEMA_ID + 1}: this topic's schema id is ${SCHEMA_ID}`,
      'payload is not a valid Avro message: truncated buffer',
      'wrong magic byte 0x7b: a Schema Registry frame starts with 0x00',
    ]);

    // The messages panel shows the decoded record, and the JSON one as its text.
    const shown = describePayload(received[0], contract);
    expect(shown.format).toBe('avro-confluent');
    expect(JSON.parse(shown.text)).toEqual(sent[0]);
    expect(describePayload(received[FAKES + 3], contract)).toMatchObject({
      format: 'json',
      problem: expect.any(String),
    });
  });
});
