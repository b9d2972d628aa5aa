import type { BehaviourOf } from '@shared/flow/kinds/behaviours';
import { blame, type Behaviour, type BehaviourDeps, type StepPlace } from './behaviour';
import { jsonOrText, viewOf, withJson, type BehaviourMessage } from './behaviour-message';
import { parsePath, readPath, type MessagePath } from '@shared/flow/expressions/json-path';

/** Headers of an aggregate: its group key, how many it holds and why it was emitted. */
export const AGGREGATE_HEADERS = {
  key: 'x-aggregate-key',
  count: 'x-aggregate-count',
  reason: 'x-aggregate-reason',
} as const;

/** Why a group was emitted. */
export type AggregateReason = 'count' | 'window' | 'stop';

interface Group {
  key: string;
  members: BehaviourMessage[];
  cancelTimer?: () => void;
}

/**
 * Collects messages into groups by the `by` expression (one group when empty) and emits a
 * group as one message, a JSON array of its members' payloads (text when not JSON), when it
 * reaches `count` or when `windowMs` has passed since it opened; `flush` emits the rest.
 */
export function aggregateStep(
  spec: BehaviourOf<'aggregate'>,
  deps: BehaviourDeps,
  place: StepPlace,
): Behaviour {
  const byField = `${place.field}.by`;
  const by: MessagePath | null = spec.by ? blame(deps, byField, () => parsePath(spec.by)) : null;
  const groups = new Map<string, Group>();

  const close = (group: Group, reason: AggregateReason): BehaviourMessage => {
    group.cancelTimer?.();
    groups.delete(group.key);
    const payload = group.members.map(jsonOrText);
    // The aggregate continues the trace of the message that opened its group.
    const out = withJson({ headers: {}, payload: Buffer.alloc(0), trace: group.members[0].trace }, payload, {
      [AGGREGATE_HEADERS.key]: group.key,
      [AGGREGATE_HEADERS.count]: String(group.members.length),
      [AGGREGATE_HEADERS.reason]: reason,
    });
    if (by) out.key = group.key;
    return out;
  };

  return {
    async process(message) {
      const key = by ? blame(deps, byField, () => groupKey(by, message)) : '';
      let group = groups.get(key);
      if (!group) {
        const opened: Group = { key, members: [] };
        group = opened;
        groups.set(key, opened);
        if (spec.windowMs > 0) {
          opened.cancelTimer = deps.clock.setTimeout(() => {
            opened.cancelTimer = undefined;
            if (groups.get(key) === opened) place.emit([close(opened, 'window')]);
          }, spec.windowMs);
        }
      }
      group.members.push(message);
      return spec.count > 0 && group.members.length >= spec.count ? [close(group, 'count')] : [];
    },
    flush: () => [...groups.values()].map((g) => close(g, 'stop')),
  };
}

/** The group a message belongs to, as text; a missing key is an error, not a silent group. */
function groupKey(by: MessagePath, message: BehaviourMessage): string {
  const value = readPath(by, viewOf(message));
  if (value === undefined) throw new Error(`${by.text} is missing in the message`);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
