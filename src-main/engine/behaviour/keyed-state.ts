import type { NodeStateEntry } from '@shared/run/node-state';

/** One node's named stores of keyed entries, kept in memory for the run (state steps write here). */
export class KeyedState {
  private readonly stores = new Map<string, Map<string, NodeStateEntry>>();

  put(store: string, key: string, value: unknown, at: number): void {
    let entries = this.stores.get(store);
    if (!entries) {
      entries = new Map();
      this.stores.set(store, entries);
    }
    entries.set(key, { key, value, at });
  }

  /** True when the key was there. */
  delete(store: string, key: string): boolean {
    return this.stores.get(store)?.delete(key) ?? false;
  }

  /** Every store with its entries, oldest first; a store emptied stays listed (empty). */
  view(): Record<string, NodeStateEntry[]> {
    const out: Record<string, NodeStateEntry[]> = {};
    for (const [name, entries] of this.stores) out[name] = [...entries.values()];
    return out;
  }
}
