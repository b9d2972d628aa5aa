import type { EventUpcaster } from '@shared/flow/kinds/patterns';
import type { StoredEvent } from './stored-event';

/** Lifts events written in an older schema to the current one; stored events stay as written. */
export interface Upcaster {
  upcast(event: StoredEvent): StoredEvent;
  /** The schema version events of `type` are read in (1 when it never changed). */
  currentVersion(type: string): number;
}

/** An `add` value: JSON when it parses (`12`, `true`, `"x"`), else the text as written. */
function addValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Builds the upcaster from a store's list: each step lifts `event` from `fromVersion` to the
 * next version, renaming fields and adding missing ones; steps chain (v1 → v2 → v3).
 * Two steps for the same event and version are a compile problem, so the first one wins here.
 */
export function compileUpcasters(steps: readonly EventUpcaster[]): Upcaster {
  const byKey = new Map<string, EventUpcaster>();
  const current = new Map<string, number>();
  for (const s of steps) {
    const key = `${s.event}@${s.fromVersion}`;
    if (!byKey.has(key)) byKey.set(key, s);
    current.set(s.event, Math.max(current.get(s.event) ?? 1, s.fromVersion + 1));
  }
  return {
    currentVersion: (type) => current.get(type) ?? 1,
    upcast(event) {
      let out = event;
      for (let step = byKey.get(`${out.type}@${out.schemaVersion}`); step;) {
        const data: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(out.data)) data[step.rename[field] ?? field] = value;
        for (const [field, text] of Object.entries(step.add))
          if (!(field in data)) data[field] = addValue(text);
        out = { ...out, data, schemaVersion: out.schemaVersion + 1 };
        step = byKey.get(`${out.type}@${out.schemaVersion}`);
      }
      return out;
    },
  };
}

/** Problems of an upcaster list, by index: a version lifted twice. */
export function upcasterProblems(steps: readonly EventUpcaster[]): Array<{ index: number; message: string }> {
  const seen = new Set<string>();
  const problems: Array<{ index: number; message: string }> = [];
  steps.forEach((s, index) => {
    const key = `${s.event}@${s.fromVersion}`;
    if (seen.has(key))
      problems.push({ index, message: `${s.event} v${s.fromVersion} already has an upcaster above` });
    seen.add(key);
  });
  return problems;
}
