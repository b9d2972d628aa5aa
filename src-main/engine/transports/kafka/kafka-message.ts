import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { IncomingMessage } from '../transport';

/**
 * Converts consumed kafkajs headers to the string map the engine uses. kafkajs hands
 * header values back as Buffers (and as an array when a key repeats); the last value
 * wins for a repeated key, as Kafka clients that read headers into a map do.
 */
export function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (!headers) return result;
  for (const [name, value] of Object.entries(headers)) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last === undefined) continue;
    result[name] = typeof last === 'string' ? last : last.toString('utf8');
  }
  return result;
}

/** Builds the engine's view of one consumed record; the payload is never copied. */
export function toIncomingMessage(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  return {
    destination: topic,
    key: message.key === null ? undefined : message.key.toString('utf8'),
    headers: headersToStrings(message.headers),
    // A tombstone (null value) reaches the engine as an empty payload.
    payload: message.value ?? Buffer.alloc(0),
    partition,
    offset: message.offset,
  };
}
