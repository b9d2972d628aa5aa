import { describe, expect, it } from 'vitest';
import { createErrorScrubber, createSecretRedactor } from './amqp-errors';

describe('amqp error scrubbing', () => {
  it('removes the password as written, percent-decoded, and inside any URL', () => {
    const redact = createSecretRedactor('amqp://app:p%40ss-w0rd@rabbit:5672/vh');
    expect(redact('amqp://app:p%40ss-w0rd@rabbit:5672/vh refused p@ss-w0rd')).toBe(
      'amqp://app:***@rabbit:5672/vh refused ***',
    );
    expect(redact('see amqp://other:secret@elsewhere')).toBe('see amqp://other:***@elsewhere');
  });

  it('keeps message and code but nothing else of the original error', () => {
    const scrub = createErrorScrubber('amqp://app:hunter22@rabbit');
    const original = Object.assign(new Error('ACCESS_REFUSED for hunter22'), {
      code: 403,
      input: 'amqp://app:hunter22@rabbit',
    });
    const safe = scrub(original);
    expect(safe.message).toBe('ACCESS_REFUSED for ***');
    expect((safe as Error & { code?: unknown }).code).toBe(403);
    expect(JSON.stringify(safe, Object.getOwnPropertyNames(safe))).not.toContain('hunter22');
  });

  it('handles a URL with an empty user name, which redactUrl alone does not', () => {
    expect(createSecretRedactor('amqp://:topsecret@rabbit')('amqp://:topsecret@rabbit')).toBe(
      'amqp://:***@rabbit',
    );
  });
});
