import type { NodeConfigByKind, NodeKind } from '@shared/flow/node-kinds';

/** The part of a node the summary reads, as a union narrowed by `type`. */
export type SummarySource = { [K in NodeKind]: { type: K; data: { config: NodeConfigByKind[K] } } }[NodeKind];

export interface SummaryItem {
  label: string;
  value: string;
}

/** The few config values a node shows on the canvas, so a flow reads without the inspector. */
export function nodeSummary(node: SummarySource): SummaryItem[] {
  switch (node.type) {
    case 'producer': {
      const c = node.data.config;
      const items = [
        { label: 'rate', value: `${num(c.rate)} msg/s` },
        { label: 'count', value: num(c.count) },
      ];
      return c.key ? [...items, { label: 'key', value: c.key }] : items;
    }
    case 'consumer': {
      const c = node.data.config;
      const items = [
        { label: 'group', value: c.group || c.name },
        { label: 'members', value: num(c.members) },
      ];
      return c.processingMs ? [...items, { label: 'work', value: `${num(c.processingMs)} ms` }] : items;
    }
    case 'kafkaTopic':
      return [
        { label: 'topic', value: node.data.config.topic || '—' },
        { label: 'partitions', value: num(node.data.config.partitions) },
      ];
    case 'rabbitQueue': {
      const c = node.data.config;
      return [
        { label: 'queue', value: c.queue || '—' },
        { label: 'prefetch', value: `${num(c.prefetch)}${c.durable ? ' · durable' : ''}` },
      ];
    }
    case 'grpcService':
      return [{ label: 'service', value: node.data.config.service || '—' }];
    case 'grpcClient': {
      const c = node.data.config;
      return [
        { label: 'rate', value: `${num(c.rate)} calls/s` },
        { label: 'count', value: num(c.count) },
        { label: 'deadline', value: `${num(c.deadlineMs)} ms` },
      ];
    }
  }
}

/** A number as typed; an unfinished or invalid number shows as a dash. */
function num(n: number): string {
  return Number.isFinite(n) ? String(n) : '—';
}

/** A counter value short enough for a node: 1234 → 1234, 12345 → 12.3k, 2500000 → 2.5M. */
export function shortCount(n: number): string {
  if (n < 10_000) return Number.isInteger(n) ? String(n) : n.toFixed(1);
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}
