/** Live state of one node while a run goes. */
export type NodeStatus = 'idle' | 'connecting' | 'running' | 'done' | 'error' | 'stopped';

export interface NodeCounters {
  sent: number;
  received: number;
  acked: number;
  nacked: number;
  errors: number;
  /** Messages per second over the last interval (sent or received, whichever is larger). */
  rate: number;
  status: NodeStatus;
  /** The broker's or server's own message: untrusted text. */
  error?: string;
  /** What the user can try about the error. */
  hint?: string;
}

export function emptyCounters(): NodeCounters {
  return { sent: 0, received: 0, acked: 0, nacked: 0, errors: 0, rate: 0, status: 'idle' };
}
