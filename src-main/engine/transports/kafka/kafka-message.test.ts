import { describe, expect, it } from 'vitest';
import { headersToStrings, toIncomingMessage } from './kafka-message';

describe('kafka message conversion', () => {
  it('turns Buffer header values into strings, the last one winning for a repeated key', () => {
    const headers = { a: Buffer.from('1'), b: 'two', c: [Buffer.from('x'), Buffer.from('y')], d: undefined };
    expect(headersToStrings(headers)).toEqual({ a: '1', b: 'two', c: 'y' });
  });

  it('maps key, partition and offset, and a tombstone to an empty payload', () => {
    const message = toIncomingMessage('t', 2, {
      key: Buffer.from('k'),
      value: null,
      timestamp: '0',
      attributes: 0,
      offset: '41',
      headers: {},
    });
    expect(message).toEqual({
      destination: 't',
      key: 'k',
      headers: {},
      payload: Buffer.alloc(0),
      partition: 2,
      offset: '41',
    });
  });
});
