import { redactUrl } from '@shared/run/environment';

/** Secrets this short would blank out ordinary words; they are still never logged on purpose. */
const MIN_REDACTED_LENGTH = 3;

/**
 * Returns a function that replaces every occurrence of the given secret values (and of
 * their percent-encoded forms) with `***`, and any `user:pass@` URL's password. For texts
 * that came from brokers or libraries, which are untrusted and may quote what we sent.
 */
export function createSecretScrubber(secrets: readonly string[]): (text: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_REDACTED_LENGTH) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
  }
  // Longest first, so a secret containing another is replaced whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  return (text: string): string => {
    let safe = text;
    for (const form of ordered) safe = safe.split(form).join('***');
    return redactUrl(safe);
  };
}
