// The byte layout RowPacker writes and visitRows reads.

/**
 * Rows for one write, encoded into bytes as they are recorded: the recorded objects die
 * young instead of waiting in queues for the next flush, posting a batch to the writer
 * thread is a copy of two buffers, and payloads are copied, so a batch never pins the
 * socket buffer a consumed payload is a slice of.
 */
export interface PackedRows {
  messageCount: number;
  /** Rows of spans; `ackCount` more spans ride in deliver rows (folded acks). */
  eventCount: number;
  ackCount: number;
  /** Values that repeat row after row (run, node, transport, destination, kind), by index. */
  strings: string[];
  messages: Uint8Array;
  events: Uint8Array;
}

// Optional fields present in a row.
export const M_KEY = 1;
export const M_PARTITION = 2;
export const E_PARENT = 1;
export const E_PARTITION = 2;
export const E_OFFSET = 4;
export const E_KEY = 8;
export const E_MESSAGE_ID = 16;
export const E_DURATION = 32;
export const E_ERROR = 64;
export const E_FAULT = 128;

/**
 * Kinds whose row carries a slot for the ack of the same delivery: present (u8), the ack's
 * span id (16 ASCII bytes), ts and duration (f64 each). An ack recorded while its delivery
 * is still in the batch fills the slot instead of taking a row of its own.
 */
export const HOLDS_ACK = new Set<string>(['deliver', 'redeliver']);
export const ACK_SLOT = 1 + 16 + 8 + 8;
