import type { Clock } from '../faults/clock';
import type { FaultProtocol } from '../faults/protocol-error';
import type { RandomSource } from '../faults/seeded-random';
import { BehaviourError, NotJsonError, type BehaviourMessage } from './behaviour-message';
import type { KeyedState } from './keyed-state';

/** One behaviour step of a node, built once from its spec and run for every message. */
export interface Behaviour {
  /** The messages that come out for one that went in: none (filtered, held), one, or many. */
  process(message: BehaviourMessage): Promise<BehaviourMessage[]>;
  /** On stop: what the step still holds (an aggregate's open groups); never loses a message. */
  flush(): BehaviourMessage[];
  /** A recover step: what goes on instead when a later step failed for `message`. */
  recover?(message: BehaviourMessage, error: BehaviourError): Promise<BehaviourMessage[]>;
}

/** What the runtime lends a node's behaviour steps. */
export interface BehaviourDeps {
  /** Named in every error. */
  nodeId: string;
  /** Renders a transform template over a message (see templateRenderer). */
  render: (template: string, message: BehaviourMessage) => string;
  /** Calls another node of the flow (by name) with a message and resolves with its reply. */
  call: (target: string, message: BehaviourMessage) => Promise<BehaviourMessage>;
  /** Which protocol's error a fail step answers with. */
  protocol: FaultProtocol;
  clock: Clock;
  random: RandomSource;
  /** The node's keyed stores, for state steps; absent where nothing runs (checks). */
  state?: KeyedState;
}

/** Where a step sits, and how it sends messages it emits on its own (a window closing). */
export interface StepPlace {
  /** `behaviours[2]`. */
  field: string;
  emit: (messages: BehaviourMessage[]) => void;
}

/** Runs `fn`, turning a non-JSON payload or any other failure into a BehaviourError naming `field`. */
export function blame<T>(deps: BehaviourDeps, field: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw asBehaviourError(deps, field, err);
  }
}

/** `err` as a BehaviourError naming `field` (kept as is when it already names one). */
export function asBehaviourError(deps: BehaviourDeps, field: string, err: unknown): BehaviourError {
  if (err instanceof BehaviourError) return err;
  const reason = err instanceof NotJsonError || err instanceof Error ? err.message : String(err);
  return new BehaviourError(deps.nodeId, field, reason);
}
