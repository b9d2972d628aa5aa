import { faultList, type FaultSpec } from '@shared/flow/node-kinds';

/** The raw `faults` value (as typed, possibly invalid) of every node and edge, by id. */
export type FaultsByTarget = ReadonlyMap<string, unknown>;

interface HasConfig {
  id: string;
  data?: { config?: unknown };
}

function faultsOf(config: unknown): unknown {
  return config && typeof config === 'object' ? (config as { faults?: unknown }).faults : undefined;
}

/** Every node's and edge's faults by id; targets without a `faults` field map to undefined. */
export function faultsByTarget(
  nodes: readonly HasConfig[],
  edges: readonly HasConfig[],
): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const n of nodes) out.set(n.id, faultsOf(n.data?.config));
  for (const e of edges) out.set(e.id, faultsOf(e.data?.config));
  return out;
}

/**
 * Targets whose faults changed between two snapshots. Edits replace the objects they touch,
 * so comparing by reference finds exactly the edited ones (and those added or removed).
 */
export function changedTargets(prev: FaultsByTarget, next: FaultsByTarget): string[] {
  const changed: string[] = [];
  for (const [id, faults] of next) if (!prev.has(id) || prev.get(id) !== faults) changed.push(id);
  for (const id of prev.keys()) if (!next.has(id)) changed.push(id);
  return changed;
}

/** The faults a run can take: none when absent, null while the list is invalid (half typed). */
export function runnableFaults(raw: unknown): FaultSpec[] | null {
  if (raw === undefined) return [];
  const res = faultList.safeParse(raw);
  return res.success ? res.data : null;
}

/** How many faults of a list are switched on (for the canvas badge); anything odd counts as none. */
export function enabledFaultCount(raw: unknown): number {
  if (!Array.isArray(raw)) return 0;
  return raw.filter((f) => f && typeof f === 'object' && (f as { enabled?: unknown }).enabled !== false)
    .length;
}
