import type { FlowDocument } from '@shared/flow/document';
import type { FaultSpec } from '@shared/flow/kinds/faults';
import { FaultInjector, type FaultDecision } from '../../faults/fault-injector';
import type { FaultProtocol } from '../../faults/protocol-error';
import type { FlowMessage } from './flow-message';

type Release = (decisions: FaultDecision<FlowMessage>[]) => void;

/**
 * The fault injectors of a run, one per node or edge that has faults, keyed by its id. They
 * are made at the start from the flow's `faults` lists and can be changed, switched on or off
 * while the run goes (`set`); an injector keeps its counters ("fail the first N") across
 * changes. Where a message is held back (reorder), the owner of the point says what a
 * release means by registering `onRelease`.
 */
export class FaultPoints {
  private readonly injectors = new Map<string, FaultInjector<FlowMessage>>();
  private readonly releases = new Map<string, Release>();

  constructor(flow: FlowDocument, protocolOf: (id: string) => FaultProtocol) {
    const lists: Array<[string, FaultSpec[] | undefined]> = [
      ...flow.nodes.map((n): [string, FaultSpec[] | undefined] => [
        n.id,
        (n.config as { faults?: FaultSpec[] }).faults,
      ]),
      ...flow.edges.map((e): [string, FaultSpec[] | undefined] => [e.id, e.config?.faults]),
    ];
    this.protocolOf = protocolOf;
    for (const [id, faults] of lists) if (faults && faults.length > 0) this.create(id, faults);
  }

  private readonly protocolOf: (id: string) => FaultProtocol;

  private create(id: string, faults: readonly FaultSpec[]): FaultInjector<FlowMessage> {
    const injector = new FaultInjector<FlowMessage>({
      faults,
      protocol: this.protocolOf(id),
      onRelease: (decisions) => this.releases.get(id)?.(decisions),
    });
    this.injectors.set(id, injector);
    return injector;
  }

  /** The injector of a node or edge when it has enabled faults, else null (the fast path). */
  at(id: string): FaultInjector<FlowMessage> | null {
    const injector = this.injectors.get(id);
    return injector?.active ? injector : null;
  }

  onRelease(id: string, release: Release): void {
    this.releases.set(id, release);
  }

  /** Replaces the faults of a node or edge during a run. */
  set(id: string, faults: readonly FaultSpec[]): void {
    const existing = this.injectors.get(id);
    if (existing) existing.update(faults);
    else this.create(id, faults);
  }

  /** Everything still held back, for Stop (so nothing is lost silently). */
  flushAll(): Array<[string, FaultDecision<FlowMessage>[]]> {
    return [...this.injectors].map(([id, injector]) => [id, injector.flush()]);
  }
}
