import type { BehaviourSpec } from '@shared/flow/kinds/behaviours';
import { asBehaviourError, type Behaviour, type BehaviourDeps } from './behaviour';
import { BehaviourError, type BehaviourMessage } from './behaviour-message';
import { createBehaviour } from './create-behaviour';

export interface PipelineOptions extends BehaviourDeps {
  /** Receives what steps emit on their own (an aggregate window closing), after the later steps. */
  emit: (messages: BehaviourMessage[]) => void;
  /** Receives errors of those later, timer-driven runs (nobody awaits them). */
  onError: (error: BehaviourError) => void;
}

/**
 * A node's behaviour steps in order: each message out of one step goes into the next.
 * Building it compiles every predicate and path (throwing a BehaviourError naming the field);
 * a message that fails in any step rejects `process` with a BehaviourError (or its
 * BehaviourFailure subclass for a fail step, which carries the protocol error).
 */
export class BehaviourPipeline {
  private readonly steps: Behaviour[];

  constructor(
    specs: readonly BehaviourSpec[],
    private readonly options: PipelineOptions,
    /** Path of the list inside the node config. */
    private readonly field = 'behaviours',
  ) {
    this.steps = specs.map((spec, i) =>
      createBehaviour(spec, options, {
        field: `${field}[${i}]`,
        emit: (messages) => {
          this.runFrom(messages, i + 1).then(
            (out) => out.length > 0 && options.emit(out),
            (err: unknown) => options.onError(asBehaviourError(options, `${field}[${i}]`, err)),
          );
        },
      }),
    );
  }

  /** The messages that leave the node for one that arrived. */
  process(message: BehaviourMessage): Promise<BehaviourMessage[]> {
    return this.runFrom([message], 0);
  }

  /**
   * A message that failed before the steps ran (a fault injected at the node), as the first
   * recover step turns it into; null when the node has no recover step.
   */
  async recoverFailure(message: BehaviourMessage, reason: string): Promise<BehaviourMessage[] | null> {
    const at = this.steps.findIndex((s) => s.recover);
    const step = this.steps[at];
    if (!step?.recover) return null;
    return step.recover(message, new BehaviourError(this.options.nodeId, `${this.field}[${at}]`, reason));
  }

  /** On stop: whatever steps still hold, passed through the steps after them. */
  async flush(): Promise<BehaviourMessage[]> {
    const out: BehaviourMessage[] = [];
    for (let i = 0; i < this.steps.length; i++) {
      out.push(...(await this.runFrom(this.steps[i].flush(), i + 1)));
    }
    return out;
  }

  private async runFrom(messages: BehaviourMessage[], from: number): Promise<BehaviourMessage[]> {
    let current = messages;
    for (let i = from; i < this.steps.length && current.length > 0; i++) {
      if (this.steps[i].recover) return this.guarded(current, i);
      const next: BehaviourMessage[] = [];
      for (const m of current) next.push(...(await this.steps[i].process(m)));
      current = next;
    }
    return current;
  }

  /** Runs the steps after recover step `at` per message; a failure there becomes what it recovers to. */
  private async guarded(messages: BehaviourMessage[], at: number): Promise<BehaviourMessage[]> {
    const step = this.steps[at];
    const out: BehaviourMessage[] = [];
    for (const m of messages) {
      try {
        out.push(...(await this.runFrom(await step.process(m), at + 1)));
      } catch (err) {
        const field = err instanceof BehaviourError ? err.field : `${this.field}[${at}]`;
        out.push(...((await step.recover?.(m, asBehaviourError(this.options, field, err))) ?? []));
      }
    }
    return out;
  }
}
