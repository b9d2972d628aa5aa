import { describe, expect, it } from 'vitest';
import { GRPC_STATUS_NAMES } from '@shared/flow/kinds/services';
import { statusCode, statusName, statusText } from './grpc-status';

describe('gRPC status names', () => {
  it('match grpc-js codes 0..16 in order, both ways', () => {
    GRPC_STATUS_NAMES.forEach((name, code) => {
      expect(statusCode(name)).toBe(code);
      expect(statusName(code)).toBe(name);
    });
    expect(statusName(99)).toBe('99');
  });

  it('reads as NAME: details', () => {
    expect(statusText(4, 'Deadline exceeded')).toBe('DEADLINE_EXCEEDED: Deadline exceeded');
    expect(statusText(0, '')).toBe('OK');
  });
});
