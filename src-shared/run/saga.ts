/** Saga instances as the engine keeps them durably and the UI lists them (issue 5, pattern 9). */

/** running → confirmed, or → compensating → compensated; failed when a compensation keeps failing. */
export const SAGA_STATUSES = ['running', 'compensating', 'confirmed', 'compensated', 'failed'] as const;
export type SagaStatus = (typeof SAGA_STATUSES)[number];

/** One call a saga made: an action or a compensation of a step (0-based), and how it ended. */
export interface SagaHistoryEntry {
  phase: 'action' | 'compensation';
  step: number;
  ok: boolean;
  at: number;
  /** The service's or the orchestrator's error: untrusted text. */
  error?: string;
  /** A short note on the answer, e.g. `HTTP 201`. */
  detail?: string;
}

/** One saga instance: where it stands and what it did. */
export interface SagaInstanceView {
  id: string;
  status: SagaStatus;
  /** Steps whose action succeeded, counted from the first. */
  completed: number;
  /** While compensating: the step whose compensation runs next; -1 otherwise. */
  compensating: number;
  /** The call sent and not answered yet (null when none). */
  inFlight: { phase: 'action' | 'compensation'; step: number } | null;
  /** Failed tries of the current compensation. */
  attempts: number;
  /** The payload that started it (JSON text). */
  input: string;
  /** Every call of the instance is in this trace, a child of this span (the delivery that started it). */
  traceId: string;
  spanId: string | null;
  /** What made it compensate, or why it failed. Untrusted text. */
  error?: string;
  history: SagaHistoryEntry[];
  createdAt: number;
  updatedAt: number;
}

/** A listed instance with where it lives: the saga node of a flow. */
export interface SagaInstanceRow extends SagaInstanceView {
  flowName: string;
  nodeId: string;
  runId: string;
}
