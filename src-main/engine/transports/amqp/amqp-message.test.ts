import { describe, expect, it } from 'vitest';
import { headersToStrings } from './amqp-message';

describe('amqp header conversion', () => {
  it('turns every AMQP field type into a string and leaves out void values', () => {
    expect(
      headersToStrings({
        s: 'text',
        n: 42,
        b: true,
        big: 9007199254740993n,
        bytes: Buffer.from('raw'),
        when: new Date('2024-01-02T03:04:05.000Z'),
        table: { count: 1n, reason: 'rejected' },
        none: null,
        missing: undefined,
      }),
    ).toEqual({
      s: 'text',
      n: '42',
      b: 'true',
      big: '9007199254740993',
      bytes: 'raw',
      when: '2024-01-02T03:04:05.000Z',
      table: '{"count":"1","reason":"rejected"}',
    });
  });
});
