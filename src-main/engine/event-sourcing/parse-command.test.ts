import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-command';

const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));

describe('parseCommand', () => {
  it('reads type, stream, expected version and data, taking the key as stream id when absent', () => {
    expect(
      parseCommand(json({ type: 'OrderCreated', streamId: 'order-1', expectedVersion: 0, data: { a: 1 } })),
    ).toEqual({
      type: 'OrderCreated',
      streamId: 'order-1',
      expectedVersion: 0,
      data: { a: 1 },
    });
    expect(parseCommand(json({ type: 'OrderShipped' }), 'order-2')).toEqual({
      type: 'OrderShipped',
      streamId: 'order-2',
      data: {},
    });
  });

  it('says which field is wrong', () => {
    expect(() => parseCommand(Buffer.from('nope'))).toThrow('the command is not JSON');
    expect(() => parseCommand(json({ streamId: 'x' }))).toThrow('the command has no "type"');
    expect(() => parseCommand(json({ type: 'A' }))).toThrow('no "streamId"');
    expect(() => parseCommand(json({ type: 'A', streamId: 'x', expectedVersion: -1 }))).toThrow(
      '"expectedVersion"',
    );
    expect(() => parseCommand(json({ type: 'A', streamId: 'x', data: [1] }))).toThrow(
      '"data" must be a JSON object',
    );
  });
});
