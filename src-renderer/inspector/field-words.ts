import type { NodeKind } from '@shared/flow/node-kinds';

/**
 * The words and shapes of form fields that the schemas' own meta does not give: labels
 * and hints of the original kinds, which fields are long text, which name other nodes.
 */

/** Text fields edited as multi-line text: templates and sources get a monospace textarea. */
export const LONG_TEXT = new Set([
  'payload',
  'request',
  'proto',
  'response',
  'body',
  'schema',
  'query',
  'variables',
  'text',
  'description',
  'template',
  'seed',
]);
/** Maps whose values are long sources or templates. */
export const LONG_MAP_VALUES = new Set(['responses', 'imports', 'resolvers']);
/** Fields whose value is another node's name. */
export const NODE_REFS = new Set(['target', 'deadLetter', 'node']);

/** Fields the form does not show: a group's size is set by resizing it on the canvas. */
export const HIDDEN: Partial<Record<NodeKind, ReadonlySet<string>>> = {
  group: new Set(['width', 'height']),
};

const LABELS: Record<string, string> = {
  fromBeginning: 'From beginning',
  processingMs: 'Processing time (ms)',
  deadlineMs: 'Deadline (ms)',
  proto: 'Proto source',
  text: 'Text (Markdown)',
  latencyMs: 'Latency (ms)',
  jitterMs: 'Jitter (ms)',
  ms: 'Delay (ms)',
  kafka: 'Kafka',
  amqp: 'AMQP',
  grpc: 'gRPC',
  http: 'HTTP',
  graphql: 'GraphQL',
};

const HINTS: Record<string, string> = {
  rate: 'Per second.',
  count: 'How many in total.',
  key: 'Kafka key template; ignored by queues when empty.',
  payload: 'JSON template: {{seq}}, {{uuid}}, {{now}}, {{faker.person.firstName}}…',
  headers: 'Sent with every message.',
  group: 'Consumer group id; empty uses the node name.',
  members: 'Competing members in the group.',
  fromBeginning: 'Read what the topic already holds.',
  processingMs: 'Simulated work per message.',
  partitions: 'Used when the topic is created.',
  prefetch: 'Unacknowledged messages a consumer may hold.',
  service: 'Fully qualified, e.g. helloworld.Greeter.',
  responses: 'Response template per method; {{request.field}} reads the request.',
  request: 'JSON template of the request message.',
};

const ITEM_NOUNS: Record<string, string> = {
  routes: 'route',
  steps: 'step',
  streaming: 'streaming method',
  trafficSplit: 'share',
  bindings: 'binding',
  faults: 'fault',
  behaviours: 'behaviour',
  resources: 'resource',
};

const VARIANT_LABELS: Record<string, string> = {
  failFirst: 'Fail the first N',
};

/** A field's label when humanizing its key would read badly. */
export function fieldLabel(key: string): string | undefined {
  return LABELS[key];
}

/** A field's hint when its schema gives none. */
export function fieldHint(key: string): string | undefined {
  return HINTS[key];
}

/** The name of one kind of typed-list item: `failFirst` → `Fail the first N`, `drop` → `Drop`. */
export function variantLabel(kind: string): string {
  const special = VARIANT_LABELS[kind];
  if (special) return special;
  const words = kind.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What one item of a list field is called, for "Add route" and "Remove route 2". */
export function itemNoun(key: string): string {
  return ITEM_NOUNS[key] ?? 'item';
}
