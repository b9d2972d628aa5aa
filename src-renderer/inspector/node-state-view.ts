import type { NodeStateEntry } from '@shared/run/node-state';

/** True when a node keeps state: a group (its members' state steps write there) or a node with a state step. */
export function keepsState(kind: string, config: Record<string, unknown>): boolean {
  if (kind === 'group') return true;
  const steps = Array.isArray(config.behaviours) ? (config.behaviours as unknown[]) : [];
  return steps.some((s) => s !== null && typeof s === 'object' && (s as { kind?: unknown }).kind === 'state');
}

/** One entry as a short line: its key and the `type` of what was stored when it has one. */
export function entryText(entry: NodeStateEntry): string {
  const v = entry.value;
  const type = v !== null && typeof v === 'object' ? (v as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? `${entry.key} · ${type}` : entry.key;
}
