import type { FaultSpec } from '@shared/flow/node-kinds';
import { changedTargets, runnableFaults, type FaultsByTarget } from './fault-targets';

/** Waits this long after the last edit of a target's faults before telling the run. */
export const FAULT_SYNC_DELAY_MS = 250;

/** Sends one target's faults to the running flow (`run.setFaults`). */
export type SendFaults = (targetId: string, faults: FaultSpec[]) => Promise<void>;

/**
 * Keeps a running flow's faults in step with the document: after a pause in editing a
 * node's or edge's faults, sends that target's list once, if it is valid and differs from
 * what the run already has. Only targets that were in the run when it started are sent.
 */
export class FaultSync {
  /** What the run has, per target, as JSON; null when no run is going. */
  private sent: Map<string, string> | null = null;
  private seen: FaultsByTarget = new Map();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly send: SendFaults,
    /** A send failed: the run keeps what it had, and the next edit tries again. */
    private readonly onError: (targetId: string, err: unknown) => void,
    private readonly delayMs = FAULT_SYNC_DELAY_MS,
  ) {}

  /** A run started from `snapshot`: that is what it has now. */
  start(snapshot: FaultsByTarget): void {
    this.stop();
    this.sent = new Map();
    for (const [id, raw] of snapshot) this.sent.set(id, JSON.stringify(runnableFaults(raw) ?? []));
    this.seen = snapshot;
  }

  /** No run is going: nothing more is sent. */
  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.sent = null;
  }

  /** The document changed: schedules a send for every target whose faults were edited. */
  update(snapshot: FaultsByTarget): void {
    const prev = this.seen;
    this.seen = snapshot;
    if (!this.sent) return;
    for (const id of changedTargets(prev, snapshot)) {
      if (!this.sent.has(id)) continue;
      clearTimeout(this.timers.get(id));
      this.timers.set(
        id,
        setTimeout(() => {
          this.timers.delete(id);
          void this.flush(id);
        }, this.delayMs),
      );
    }
  }

  private async flush(id: string): Promise<void> {
    const faults = runnableFaults(this.seen.get(id));
    const sent = this.sent;
    // Invalid while typing: the form shows why; the next valid edit is sent.
    if (!sent || !faults) return;
    const json = JSON.stringify(faults);
    const before = sent.get(id);
    if (before === json) return;
    sent.set(id, json);
    try {
      await this.send(id, faults);
    } catch (err) {
      if (this.sent === sent && before !== undefined) sent.set(id, before);
      this.onError(id, err);
    }
  }
}
