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
  const { messageId, contentType } = message.properties as { messageId?: unknown; contentType?: unknown };
  return {
    destination: queue,
    headers: headersToStrings(message.properties.headers),
    payload: message.content,
    redelivered: message.fields.redelivered,
    exchange: message.fields.exchange,
    routingKey: message.fields.routingKey,
    ...(typeof messageId === 'string' ? { messageId } : {}),
    ...(typeof contentType === 'string' ? { contentType } : {}),
  };
}

/** One entry of RabbitMQ's x-death header: why and how often a message was dead-lettered. */
export interface DeathRecord {
  queue: string;
  reason: string;
  count: number;
  exchange?: string;
  routingKeys?: string[];
}

/**
 * Reads the x-death header as delivered in IncomingMessage.headers (JSON, see
 * headersToStrings); an absent or unreadable header gives [].
 */
export function readXDeath(headers: Record<string, string>): DeathRecord[] {
  const raw = headers['x-death'];
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((entry: Record<string, unknown>) => {
      if (typeof entry !== 'object' || entry === null) return [];
      const routingKeys = Array.isArray(entry['routing-keys'])
        ? entry['routing-keys'].map(String)
        : undefined;
      return [
        {
          queue: String(entry.queue ?? ''),
          reason: String(entry.reason ?? ''),
          count: Number(entry.count ?? 0),
          ...(typeof entry.exchange === 'string' ? { exchange: entry.exchange } : {}),
          ...(routingKeys ? { routingKeys } : {}),
        },
      ];
    });
  } catch {
    return [];
  }
}
