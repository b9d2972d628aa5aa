import type { BindingSpec, ExchangeKind } from '../transport';

/**
 * RabbitMQ's topic match: words split on '.', `*` is exactly one word, `#` zero or more.
 */
export function topicMatches(pattern: string, routingKey: string): boolean {
  const want = pattern.split('.');
  const have = routingKey.split('.');
  const match = (p: number, k: number): boolean => {
    if (p === want.length) return k === have.length;
    if (want[p] === '#') return match(p + 1, k) || (k < have.length && match(p, k + 1));
    if (k === have.length) return false;
    return (want[p] === '*' || want[p] === have[k]) && match(p + 1, k + 1);
  };
  return match(0, 0);
}

/** A headers binding: x-match all needs every listed header equal, any needs one. */
export function headersMatch(match: BindingSpec['headerMatch'], headers: Record<string, string>): boolean {
  const wanted = Object.entries(match?.headers ?? {});
  const equal = ([name, value]: [string, string]): boolean => headers[name] === value;
  if (match?.xMatch === 'any') return wanted.some(equal);
  return wanted.every(equal);
}

/** Whether `binding` on an exchange of `type` takes a message with this key and headers. */
export function bindingTakes(
  type: ExchangeKind,
  binding: BindingSpec,
  routingKey: string,
  headers: Record<string, string>,
): boolean {
  if (type === 'fanout') return true;
  if (type === 'direct') return (binding.routingKey ?? '') === routingKey;
  if (type === 'topic') return topicMatches(binding.routingKey ?? '', routingKey);
  return headersMatch(binding.headerMatch, headers);
}

/** The fields of one x-death entry, as the AMQP adapter shows them (JSON in the header). */
interface DeathEntry {
  count: number;
  reason: string;
  queue: string;
  exchange: string;
  'routing-keys': string[];
}

/**
 * Adds a dead-lettering to an x-death header as RabbitMQ does: the entry for the same
 * queue and reason counts up and moves to the front; otherwise a new entry goes first.
 */
export function addDeath(
  header: string | undefined,
  death: { reason: string; queue: string; exchange: string; routingKey: string },
): string {
  let entries: DeathEntry[] = [];
  try {
    const parsed: unknown = header ? JSON.parse(header) : [];
    if (Array.isArray(parsed)) entries = parsed as DeathEntry[];
  } catch {
    // A header of someone else's making that is not ours to read: start afresh.
  }
  const index = entries.findIndex((e) => e.queue === death.queue && e.reason === death.reason);
  const previous = index >= 0 ? entries.splice(index, 1)[0] : undefined;
  const entry: DeathEntry = {
    count: Number(previous?.count ?? 0) + 1,
    reason: death.reason,
    queue: death.queue,
    exchange: death.exchange,
    'routing-keys': [death.routingKey],
  };
  return JSON.stringify([entry, ...entries]);
}
