import { describe, expect, it } from 'vitest';
import { logTopicName, readRecord } from './event-log';

describe('the event log', () => {
  it('names its topic after the store when none is given', () => {
    expect(logTopicName({ name: 'write model', topic: '' })).toBe('write-model');
    expect(logTopicName({ name: 'orders', topic: 'es.order-events' })).toBe('es.order-events');
  });

  it('reads an event back from its record, and says where a record is not one', () => {
    const record = {
      destination: 'log',
      key: 'order-1',
      partition: 0,
      offset: '7',
      headers: {
        'event-type': 'OrderCreated',
        'stream-version': '1',
        'schema-version': '1',
        'recorded-at': '99',
      },
      payload: Buffer.from('{"amount": 5}'),
    };
    expect(readRecord(record)).toEqual({
      streamId: 'order-1',
      version: 1,
      type: 'OrderCreated',
      schemaVersion: 1,
      data: { amount: 5 },
      recordedAt: 99,
      position: '0:7',
    });
    expect(() => readRecord({ ...record, headers: {} })).toThrow(
      'the record at log partition 0 offset 7 is not an event',
    );
    expect(() => readRecord({ ...record, payload: Buffer.from('x') })).toThrow(
      'the event at log partition 0 offset 7 is not JSON',
    );
  });
});
