import { redactUrl } from '@shared/run/environment';

/** Turns anything amqplib throws or emits into an Error that is safe to show and log. */
export type ErrorScrubber = (error: unknown) => Error;

function passwordsIn(url: string): string[] {
  try {
    const encoded = new URL(url).password;
    if (!encoded) return [];
    const decoded = decodeURIComponent(encoded);
    return decoded === encoded ? [encoded] : [encoded, decoded];
  } catch {
    // An unparsable URL has no password we can find; redactUrl still applies.
    return [];
  }
}

/**
 * Returns a function that removes `url`'s password from any text: wherever the password
 * itself appears (as written in the URL and percent-decoded), each of `extraSecrets` (a
 * password given apart from the URL), and any `user:pass@` URL. Both, because redactUrl
 * needs a user name to spot a URL and a broker may quote the password without the URL.
 */
export function createSecretRedactor(
  url: string,
  extraSecrets: readonly string[] = [],
): (text: string) => string {
  const secrets = [...passwordsIn(url), ...extraSecrets.filter((s) => s.length > 0)];
  return (text: string): string => {
    let safe = text;
    for (const secret of secrets) safe = safe.split(secret).join('***');
    return redactUrl(safe);
  };
}

/**
 * Creates a scrubber for errors about `url`. The result carries amqplib's (or
 * RabbitMQ's) message and `code` with the password redacted, and never the original
 * error: Node's URL errors keep the whole input on `.input`, and a `cause` would carry
 * it into logs.
 */
export function createErrorScrubber(url: string, extraSecrets: readonly string[] = []): ErrorScrubber {
  const redact = createSecretRedactor(url, extraSecrets);
  return (error: unknown): Error => {
    const safe = new Error(redact(error instanceof Error ? error.message : String(error))) as Error & {
      code?: unknown;
    };
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' || typeof code === 'number') safe.code = code;
    return safe;
  };
}
