import type { NodeConfigByKind, NodeKind } from './node-kinds';
import { outlineOperation, outlineSdl } from './sdl-outline';

/** The part of a node the summary reads, as a union narrowed by `type`. */
export type SummarySource = { [K in NodeKind]: { type: K; data: { config: NodeConfigByKind[K] } } }[NodeKind];

/** One label/value row of a node on the canvas. */
export interface SummaryItem {
  label: string;
  value: string;
}

type Summaries = { [K in NodeKind]: (c: NodeConfigByKind[K]) => SummaryItem[] };

const item = (label: string, value: string): SummaryItem => ({ label, value });
/** At most `max` rows of a list, then "+N more", so a long list never makes a tall node. */
function rows<T>(values: unknown, max: number, row: (v: T, i: number) => SummaryItem): SummaryItem[] {
  const list = Array.isArray(values) ? (values as T[]) : [];
  const shown = list.slice(0, max).map(row);
  return list.length > max ? [...shown, item('…', `+${list.length - max} more`)] : shown;
}

const SUMMARIES: Summaries = {
  producer: (c) => {
    const items = [item('rate', `${num(c.rate)} msg/s`), item('count', num(c.count))];
    return c.key ? [...items, item('key', c.key)] : items;
  },
  consumer: (c) => {
    const items = [item('group', c.group || c.name), item('members', num(c.members))];
    return c.processingMs ? [...items, item('work', `${num(c.processingMs)} ms`)] : items;
  },
  kafkaTopic: (c) => [item('topic', c.topic || '—'), item('partitions', num(c.partitions))],
  rabbitExchange: (c) => [
    item('exchange', c.exchange || '—'),
    item('type', `${c.type}${c.durable ? ' · durable' : ''}`),
  ],
  rabbitQueue: (c) => {
    const items = [
      item('queue', c.queue || '—'),
      item('prefetch', `${num(c.prefetch)}${c.durable ? ' · durable' : ''}`),
    ];
    return c.deadLetter ? [...items, item('DLX', c.deadLetter)] : items;
  },
  restService: (c) => [
    ...rows<{ path: string }>(c.resources, 2, (r) => item('CRUD', r.path)),
    ...rows<{ method: string; path: string; status: number }>(c.routes, 3, (r) =>
      item(r.method, `${r.path} → ${num(r.status)}`),
    ),
  ],
  restClient: (c) => [item(c.method, c.path || '—'), item('rate', `${num(c.rate)} req/s`)],
  grpcService: (c) => [item('service', c.service || '—')],
  grpcClient: (c) => [
    item('rate', `${num(c.rate)} calls/s`),
    item('count', num(c.count)),
    item('deadline', `${num(c.deadlineMs)} ms`),
  ],
  graphqlService: (c) => {
    const sdl = outlineSdl(c.schema);
    const items = [item('query', sdl.query.join(', ') || '—')];
    return sdl.mutation.length > 0 ? [...items, item('mutation', sdl.mutation.join(', '))] : items;
  },
  graphqlClient: (c) => {
    const op = outlineOperation(c.query);
    return [item(op?.type ?? 'query', op?.fields.join(', ') || '—'), item('rate', `${num(c.rate)} req/s`)];
  },
  apiGateway: (c) =>
    rows<{ pathPrefix: string; target: string; auth: string }>(c.routes, 3, (r) =>
      item(r.pathPrefix || '/', `→ ${r.target || '?'}${r.auth && r.auth !== 'none' ? ` · ${r.auth}` : ''}`),
    ),
  sagaOrchestrator: (c) =>
    rows<{ name: string; compensation: string }>(c.steps, 4, (s, i) =>
      item(`${i + 1}.`, `${s.name}${s.compensation ? ' ↺' : ''}`),
    ),
  eventStore: (c) => [
    item('streams', c.streams.join(', ') || '—'),
    item('snapshot', c.snapshotEvery ? `every ${num(c.snapshotEvery)}` : 'never'),
  ],
  projection: (c) => [item('model', c.readModel || '—'), item('events', c.events.join(', ') || 'all')],
  meshPolicy: (c) => [
    item('retries', num(c.retries?.attempts)),
    item('timeout', `${num(c.timeoutMs)} ms`),
    item('mTLS', c.mtls ? 'on' : 'off'),
    ...(c.circuitBreaker?.enabled
      ? [item('breaker', `after ${num(c.circuitBreaker.failureThreshold)}`)]
      : []),
    ...(c.trafficSplit.length > 0
      ? [item('split', c.trafficSplit.map((s) => `${s.target} ${num(s.weight)}%`).join(' · '))]
      : []),
  ],
  router: (c) => (c.maxHops ? [item('max hops', num(c.maxHops))] : []),
  filter: (c) => [item('keep', c.when || '—')],
  timer: (c) => [
    c.schedule === 'cron' ? item('cron', c.cron) : item('every', `${num(c.intervalMs)} ms`),
    item('count', c.count ? num(c.count) : '∞'),
  ],
  sink: (c) => [item('payloads', c.recordPayloads ? 'recorded' : 'counted')],
  group: () => [],
  note: () => [],
};

/** The few config values a node shows on the canvas, so a flow reads without the inspector. */
export function nodeSummary(node: SummarySource): SummaryItem[] {
  const summarize = SUMMARIES[node.type] as (c: unknown) => SummaryItem[];
  try {
    return summarize(node.data.config);
  } catch {
    // A config half-way through an edit (e.g. a list typed over) shows no summary, not a crash.
    return [];
  }
}

/** A number as typed; an unfinished or invalid number shows as a dash. */
function num(n: number | undefined): string {
  return n !== undefined && Number.isFinite(n) ? String(n) : '—';
}

/** A counter value short enough for a node: 1234 → 1234, 12345 → 12.3k, 2500000 → 2.5M. */
export function shortCount(n: number): string {
  if (n < 10_000) return Number.isInteger(n) ? String(n) : n.toFixed(1);
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}
