/** What a node keeps in its state steps while a run goes (issue 5, saga choreography). */
export interface NodeStateEntry {
  key: string;
  /** The message as it was stored (JSON when it was JSON, else text). */
  value: unknown;
  at: number;
}

/** A node's stores by name, e.g. `{ reservations: [...] }`; empty when it keeps nothing. */
export interface NodeStateView {
  nodeId: string;
  stores: Record<string, NodeStateEntry[]>;
}
