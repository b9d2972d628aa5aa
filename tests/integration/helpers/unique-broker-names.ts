interface FlowLike {
  nodes: Array<{ kind: string; config: Record<string, unknown> }>;
}

/** The config fields that name something on a broker, by node kind. */
const BROKER_NAME_FIELDS: Record<string, string> = {
  kafkaTopic: 'topic',
  // An event store's log topic (a store without one logs to a topic named after it).
  eventStore: 'topic',
  rabbitExchange: 'exchange',
  rabbitQueue: 'queue',
};

/**
 * A copy of a flow whose topics, exchanges, queues and consumer groups carry `suffix`, so a
 * test on the shared brokers never meets another run's messages. Any other config string
 * that equals one of those names (a dead-letter target, say) is renamed with it.
 */
export function withUniqueBrokerNames<T extends FlowLike>(flow: T, suffix: string): T {
  const copy = structuredClone(flow);
  const renamed = new Map<string, string>();
  for (const n of copy.nodes) {
    const field = BROKER_NAME_FIELDS[n.kind];
    const name = field ? n.config[field] : undefined;
    if (typeof name === 'string' && name !== '') renamed.set(name, `${name}-${suffix}`);
  }
  const rename = (value: unknown): unknown => {
    if (typeof value === 'string') return renamed.get(value) ?? value;
    if (Array.isArray(value)) return value.map(rename);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rename(v)]));
    return value;
  };
  for (const n of copy.nodes) {
    n.config = rename(n.config) as Record<string, unknown>;
    if (n.kind === 'consumer') n.config.group = `${String(n.config.group || n.config.name)}-${suffix}`;
  }
  return copy;
}
