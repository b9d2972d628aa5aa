import type { NodeCounters } from '@shared/run/counters';

/** The client kinds whose calls the comparison lists, with the protocol and encoding each speaks. */
export const CALLING_KINDS: Readonly<Record<string, string>> = {
  restClient: 'REST · JSON',
  grpcClient: 'gRPC · protobuf',
  graphqlClient: 'GraphQL · JSON',
  // A GraphQL service's bound fields call REST and gRPC services: what it fetched per query served.
  graphqlService: 'GraphQL service → its services, per query',
};

export interface CallingNode {
  id: string;
  kind: string;
  name: string;
}

/** One client's calls, measured live: payload bytes per request and per reply, latency quantiles. */
export interface CallRow {
  id: string;
  name: string;
  protocol: string;
  requests: number;
  replies: number;
  bytesPerRequest: number | null;
  bytesPerReply: number | null;
  p50Ms?: number;
  p99Ms?: number;
}

/**
 * Rows of the comparison for the clients that measured bytes, smallest exchange (bytes per
 * request and reply together) first, so the same exchange over REST, gRPC and GraphQL reads
 * as the page's table, but measured.
 */
export function callRows(nodes: readonly CallingNode[], byNode: Record<string, NodeCounters>): CallRow[] {
  const rows: CallRow[] = [];
  for (const n of nodes) {
    const protocol = CALLING_KINDS[n.kind];
    const c = byNode[n.id];
    if (!protocol || !c || (c.bytesOut === undefined && c.bytesIn === undefined)) continue;
    // A service's upstream bytes are counted per query it answered (its `received`).
    const requests = n.kind === 'graphqlService' ? c.received : c.sent;
    rows.push({
      id: n.id,
      name: n.name || n.id,
      protocol,
      requests,
      replies: c.received,
      bytesPerRequest: requests > 0 ? (c.bytesOut ?? 0) / requests : null,
      bytesPerReply: c.received > 0 ? (c.bytesIn ?? 0) / c.received : null,
      p50Ms: c.p50Ms,
      p99Ms: c.p99Ms,
    });
  }
  const exchange = (r: CallRow): number =>
    r.bytesPerRequest === null && r.bytesPerReply === null
      ? Infinity
      : (r.bytesPerRequest ?? 0) + (r.bytesPerReply ?? 0);
  return rows.sort((a, b) => exchange(a) - exchange(b));
}

/** `0 B`, `139 B`, `1.2 kB`, `3.4 MB`. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return '–';
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
