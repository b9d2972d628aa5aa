import type { SagaInstanceView, SagaStatus } from '@shared/run/saga';

/** How the inspector words where a saga instance stands, e.g. `2/4 reserve-inventory`. */
export function sagaStepText(s: SagaInstanceView, steps: readonly string[]): string {
  const name = (i: number): string => steps[i] ?? `step ${i + 1}`;
  const total = steps.length;
  switch (s.status) {
    case 'running':
      return `${s.completed + 1}/${total} ${name(s.completed)}`;
    case 'compensating':
      return `undo ${s.compensating + 1}/${total} ${name(s.compensating)}`;
    case 'confirmed':
      return `all ${total} done`;
    case 'compensated':
      return s.completed === 0 ? 'nothing to undo' : `${s.completed} undone`;
    case 'failed':
      return `stuck undoing ${name(s.history.at(-1)?.step ?? 0)}`;
  }
}

/** Status counts for the header line, in a fixed order. */
export function sagaTotals(rows: readonly SagaInstanceView[]): Array<[SagaStatus, number]> {
  const order: SagaStatus[] = ['running', 'compensating', 'confirmed', 'compensated', 'failed'];
  return order.map((status) => [status, rows.filter((r) => r.status === status).length]);
}

/** One line per call of an instance, oldest first: `✓ reserve-inventory HTTP 201`, `✗ undo … error`. */
export function sagaHistoryLines(s: SagaInstanceView, steps: readonly string[]): string[] {
  return s.history.map((h) => {
    const what = `${h.phase === 'compensation' ? 'undo ' : ''}${steps[h.step] ?? `step ${h.step + 1}`}`;
    return `${h.ok ? '✓' : '✗'} ${what}${h.detail ? ` ${h.detail}` : ''}${h.error ? ` — ${h.error}` : ''}`;
  });
}

/** Step names from a saga node's config as edited (it may not be valid yet). */
export function sagaStepNames(config: Record<string, unknown>): string[] {
  const steps = Array.isArray(config.steps) ? (config.steps as unknown[]) : [];
  return steps.map((s, i) => {
    const name = s && typeof s === 'object' ? (s as { name?: unknown }).name : undefined;
    return typeof name === 'string' && name ? name : `step ${i + 1}`;
  });
}
