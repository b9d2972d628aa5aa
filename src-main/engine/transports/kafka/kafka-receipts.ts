import type { RecordMetadata } from 'kafkajs';
import type { SendReceipt } from '../transport';

/**
 * Computes one receipt per sent message, in the order of `partitions` (the partition each
 * message was assigned, in send order). Kafka answers a produce request with one base
 * offset per partition and appends that partition's messages in request order, so the
 * n-th message of partition p sits at baseOffset(p) + n. With acks=0 there is no
 * metadata and receipts carry only the partition.
 */
export function computeReceipts(partitions: number[], metadata: RecordMetadata[]): SendReceipt[] {
  const baseOffsets = new Map<number, bigint>();
  for (const entry of metadata) {
    // Produce v3+ fills baseOffset; older protocol versions only `offset`.
    const base = entry.baseOffset ?? entry.offset;
    if (base !== undefined && base !== '-1') baseOffsets.set(entry.partition, BigInt(base));
  }
  const seen = new Map<number, bigint>();
  return partitions.map((partition) => {
    const index = seen.get(partition) ?? 0n;
    seen.set(partition, index + 1n);
    const base = baseOffsets.get(partition);
    return base === undefined ? { partition } : { partition, offset: (base + index).toString() };
  });
}
