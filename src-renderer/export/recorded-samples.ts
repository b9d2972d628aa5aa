import type { MessageRow } from '@shared/api/contract';
import { api } from '../app/api-holder';

/** At most this many payloads per destination, and destinations, are read for an export. */
const PER_DESTINATION = 3;
const MAX_DESTINATIONS = 50;

/**
 * Recorded JSON payloads of a run by destination (topic, queue or exchange), newest first,
 * for AsyncAPI to infer message schemas from. Payloads that are not JSON are skipped.
 */
export async function recordedSamples(runId: string): Promise<Record<string, unknown[]>> {
  const { rows } = await api()['messages.list']({ runId, limit: 500 });
  const byDestination = new Map<string, MessageRow[]>();
  for (const row of rows) {
    const list = byDestination.get(row.destination) ?? [];
    if (list.length < PER_DESTINATION && (list.length > 0 || byDestination.size < MAX_DESTINATIONS)) {
      byDestination.set(row.destination, [...list, row]);
    }
  }
  const samples: Record<string, unknown[]> = {};
  for (const [destination, list] of byDestination) {
    for (const row of list) {
      const detail = await api()['messages.get']({ id: row.id });
      // Decoded text first: an Avro or protobuf payload reads as JSON only once decoded.
      const text = detail?.decoded?.text ?? detail?.payloadText;
      if (!text) continue;
      try {
        (samples[destination] ??= []).push(JSON.parse(text) as unknown);
      } catch {
        // Not JSON: the schema comes from the contract or the template instead.
      }
    }
  }
  return samples;
}
