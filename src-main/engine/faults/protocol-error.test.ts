import { describe, expect, it } from 'vitest';
import { faultErrorForms } from '@shared/flow/kinds/faults';
import { faultProtocolFor, protocolError } from './protocol-error';

describe('protocolError', () => {
  it('gives each protocol its default form when the spec names none', () => {
    expect(protocolError(undefined, 'kafka', 'injected error')).toEqual({
      protocol: 'kafka',
      code: 'NOT_LEADER_FOR_PARTITION',
      errorCode: 6,
      retriable: true,
      message: 'injected error: Kafka NOT_LEADER_FOR_PARTITION (6)',
    });
    expect(protocolError(undefined, 'amqp', 'x')).toEqual({
      protocol: 'amqp',
      action: 'dead-letter',
      requeue: false,
      message: 'x: AMQP nack without requeue (dead-letter)',
    });
    expect(protocolError(undefined, 'grpc', 'x')).toMatchObject({ code: 'UNAVAILABLE', status: 14 });
    expect(protocolError(undefined, 'http', 'x')).toMatchObject({
      status: 503,
      body: '{"error": "injected fault"}',
    });
    expect(protocolError(undefined, 'graphql', 'x')).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('uses the configured form, filling the protocols left out', () => {
    const forms = faultErrorForms.parse({
      kafka: { code: 'MESSAGE_TOO_LARGE' },
      grpc: { code: 'DEADLINE_EXCEEDED', message: 'slow backend' },
      http: { status: 429 },
    });
    expect(protocolError(forms, 'kafka', 'x')).toMatchObject({ errorCode: 10, retriable: false });
    expect(protocolError(forms, 'grpc', 'x')).toMatchObject({
      status: 4,
      message: 'x: gRPC DEADLINE_EXCEEDED (4) slow backend',
    });
    expect(protocolError(forms, 'http', 'x')).toMatchObject({ status: 429 });
    expect(protocolError(forms, 'amqp', 'x')).toMatchObject({ requeue: false });
  });

  it('refuses a Kafka code or HTTP status that is not an error', () => {
    expect(faultErrorForms.safeParse({ kafka: { code: 'NOPE' } }).success).toBe(false);
    expect(faultErrorForms.safeParse({ http: { status: 200 } }).error?.issues[0]).toMatchObject({
      path: ['http', 'status'],
      message: 'must be at least 400',
    });
  });

  it('picks the form by transport, and by shape for in-process hops', () => {
    expect(faultProtocolFor('kafka', 'topic')).toBe('kafka');
    expect(faultProtocolFor('amqp', 'queue')).toBe('amqp');
    expect(faultProtocolFor('grpc', 'call')).toBe('grpc');
    expect(faultProtocolFor('graphql', 'call')).toBe('graphql');
    expect(faultProtocolFor('embedded', 'topic')).toBe('kafka');
    expect(faultProtocolFor('embedded', 'queue')).toBe('amqp');
    expect(faultProtocolFor('inproc', 'call')).toBe('http');
  });
});
