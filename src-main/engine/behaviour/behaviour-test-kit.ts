import { behaviourSpec, type BehaviourSpec } from '@shared/flow/kinds/behaviours';
import { ManualClock } from '../faults/manual-clock';
import { seededRandom } from '../faults/seeded-random';
import type { Behaviour, BehaviourDeps } from './behaviour';
import type { BehaviourMessage } from './behaviour-message';
import { createBehaviour } from './create-behaviour';
import { templateRenderer } from './template-renderer';

/** Test helpers: messages, deps on a manual clock and seeded random, and one-step builders. */

export function jsonMessage(value: unknown, extra: Partial<BehaviourMessage> = {}): BehaviourMessage {
  return { headers: {}, payload: Buffer.from(JSON.stringify(value)), ...extra };
}

export function textMessage(text: string | Buffer, extra: Partial<BehaviourMessage> = {}): BehaviourMessage {
  return { headers: {}, payload: Buffer.isBuffer(text) ? text : Buffer.from(text), ...extra };
}

export function testDeps(overrides: Partial<BehaviourDeps> = {}): BehaviourDeps & { clock: ManualClock } {
  return {
    nodeId: 'svc',
    render: templateRenderer(),
    call: () => Promise.reject(new Error('no call expected')),
    protocol: 'grpc',
    clock: new ManualClock(),
    random: seededRandom(11),
    ...overrides,
  } as BehaviourDeps & { clock: ManualClock };
}

/** Builds one step from a raw spec (defaults filled) at `behaviours[0]`. */
export function step(
  raw: Record<string, unknown>,
  deps: BehaviourDeps = testDeps(),
  emitted: BehaviourMessage[][] = [],
): Behaviour {
  const spec: BehaviourSpec = behaviourSpec.parse(raw);
  return createBehaviour(spec, deps, { field: 'behaviours[0]', emit: (m) => emitted.push(m) });
}

export function jsonOf(messages: BehaviourMessage[]): unknown[] {
  return messages.map((m) => JSON.parse(m.payload.toString('utf8')) as unknown);
}
