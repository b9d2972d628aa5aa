import { describe, expect, it } from 'vitest';
import { createSecretScrubber } from './redact-secrets';

describe('createSecretScrubber', () => {
  it('removes each secret, its percent-encoded form and URL passwords', () => {
    const scrub = createSecretScrubber(['s3cr3t/pw', 'other-one']);
    expect(scrub('login s3cr3t/pw refused, url amqp://u:s3cr3t%2Fpw@h and other-one')).toBe(
      'login *** refused, url amqp://u:***@h and ***',
    );
    expect(scrub('amqp://x:y@host')).toBe('amqp://x:***@host');
  });

  it('replaces a longer secret whole when it contains a shorter one', () => {
    expect(createSecretScrubber(['abc', 'abcdef'])('abcdef abc')).toBe('*** ***');
  });
});
