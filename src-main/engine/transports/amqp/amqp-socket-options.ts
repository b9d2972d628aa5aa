import { credentials } from 'amqplib';

/** What amqplib's `connect` takes besides the URL: explicit credentials and CA certificates. */
export interface AmqpSocketSettings {
  credentials?: { username: string; password: string };
  ca?: Buffer[];
}

/**
 * amqplib socket options for explicit credentials (PLAIN, so a password never has to be
 * put into the URL, where amqplib would `unescape` it) and for the CAs of amqps://.
 */
export function amqpSocketOptions(settings: AmqpSocketSettings): Record<string, unknown> {
  return {
    ...(settings.credentials
      ? { credentials: credentials.plain(settings.credentials.username, settings.credentials.password) }
      : {}),
    ...(settings.ca ? { ca: settings.ca } : {}),
  };
}
