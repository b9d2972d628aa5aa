import type { BehaviourOf } from '@shared/flow/kinds/behaviours';
import { sleep } from '../faults/clock';
import { jittered } from '../faults/seeded-random';
import type { Behaviour, BehaviourDeps } from './behaviour';

/** Waits `ms` (± a uniform `jitterMs`) on the injected clock, then passes the message on. */
export function delayStep(spec: BehaviourOf<'delay'>, deps: BehaviourDeps): Behaviour {
  return {
    async process(message) {
      await sleep(deps.clock, jittered(deps.random, spec.ms, spec.jitterMs));
      return [message];
    },
    flush: () => [],
  };
}
