import type { ConsumeMessage } from 'amqplib';
import type { IncomingMessage } from '../transport';

function headerToString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return String(value);
  // Tables and arrays (RabbitMQ's own x-death, for one) stay readable as JSON; 64-bit
  // integers arrive as bigint, which JSON cannot encode on its own.
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item));
}

/**
 * Converts AMQP headers (a typed field table: strings, numbers, byte arrays, nested
 * tables) to the engine's string map. A header whose value is void is left out, since
 * the engine has no way to tell "absent" from "empty" otherwise.
 */
export function headersToStrings(headers: Record<string, unknown> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const text = headerToString(value);
    if (text !== undefined) result[name] = text;
  }
  return result;
}

/**
 * Builds the engine's view of a delivery. AMQP has no message key: `key` stays unset.
 * `redelivered` is the broker's flag (a previous delivery was nacked with requeue or its
 * channel closed before the ack).
 */
export function toIncomingMessage(queue: string, message: ConsumeMessage): IncomingMessage {
  return {
    destination: queue,
    headers: headersToStrings(message.properties.headers),
    payload: message.content,
    redelivered: message.fields.redelivered,
  };
}
