import type { BehaviourOf } from '@shared/flow/kinds/behaviours';
import { blame, type Behaviour, type BehaviourDeps, type StepPlace } from './behaviour';
import { viewOf, withJson } from './behaviour-message';
import { parsePath, readPath } from '@shared/flow/expressions/json-path';

/** Headers each split message carries: which split it came from, its place and the total. */
export const SPLIT_HEADERS = { id: 'x-split-id', index: 'x-split-index', count: 'x-split-count' } as const;

/**
 * One message per element of the JSON array at `path`, in array order, each with sequence
 * headers (0-based index, count, and an id shared by the pieces of one split). An empty array
 * gives no message.
 */
export function splitStep(spec: BehaviourOf<'split'>, deps: BehaviourDeps, place: StepPlace): Behaviour {
  const field = `${place.field}.path`;
  const path = blame(deps, field, () => parsePath(spec.path));
  let splits = 0;
  return {
    async process(message) {
      const items = blame(deps, field, () => {
        const value = readPath(path, viewOf(message));
        if (value === undefined) throw new Error(`${path.text} is missing in the message`);
        if (!Array.isArray(value)) throw new Error(`${path.text} is not an array (found ${kindOf(value)})`);
        return value as unknown[];
      });
      const id = `${deps.nodeId}-${++splits}`;
      return items.map((item, index) =>
        withJson(message, item, {
          ...message.headers,
          [SPLIT_HEADERS.id]: id,
          [SPLIT_HEADERS.index]: String(index),
          [SPLIT_HEADERS.count]: String(items.length),
        }),
      );
    },
    flush: () => [],
  };
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
