import { describe, expect, it } from 'vitest';
import { parseLocalFields } from './environment-actions';

describe('parseLocalFields', () => {
  it('accepts comma-separated brokers and an AMQP URL', () => {
    expect(parseLocalFields(' 127.0.0.1:9092, kafka2:9093 ', 'amqp://127.0.0.1:5672')).toEqual({
      ok: true,
      environment: {
        kind: 'local',
        kafkaBrokers: ['127.0.0.1:9092', 'kafka2:9093'],
        amqpUrl: 'amqp://127.0.0.1:5672',
      },
    });
  });

  it('reports each field', () => {
    const res = parseLocalFields('nohost', 'http://x');
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.errors.brokers).toMatch(/host:port/);
      expect(res.errors.amqp).toMatch(/amqp:\/\//);
    }
    const empty = parseLocalFields(' , ', 'amqp://x');
    expect(empty.ok).toBe(false);
  });
});
