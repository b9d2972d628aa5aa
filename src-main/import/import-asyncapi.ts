import { Parser, type AsyncAPIDocumentInterface } from '@asyncapi/parser';
import type { ChannelInterface, MessageInterface, OperationInterface } from '@asyncapi/parser';
import type { ImportResult } from '@shared/api/import-requests';
import { locateIn } from '../engine/schema/path-position';
import { FlowBuilder, nodeLabel, slug } from './flow-builder';
import { finishImport } from './finish-import';
import { plainSchema, templateFromExample, templateFromSchema } from './schema-sample';

/** What a channel is on a broker Flowbench drives, or why it is left out. */
type ChannelKind =
  | { kind: 'kafka' }
  | { kind: 'amqp-queue'; queue: string; durable: boolean }
  | { kind: 'amqp-exchange'; exchange: string; type: string; durable: boolean }
  | { kind: 'unsupported'; protocol: string };

const KAFKA = new Set(['kafka', 'kafka-secure']);
const AMQP = new Set(['amqp', 'amqps']);
const EXCHANGE_TYPES = new Set(['direct', 'topic', 'fanout', 'headers']);

/**
 * AsyncAPI 2.x and 3.x (YAML or JSON), parsed and validated by the official parser:
 * channels → Kafka topics or RabbitMQ queues and exchanges (from their bindings, else from the
 * servers' protocol), operations → producers (send) and consumers (receive), message schemas
 * → JSON Schema contracts, examples (or the schema) → payload templates.
 */
export async function importAsyncApi(text: string): Promise<ImportResult> {
  const { document, diagnostics } = await new Parser().parse(text);
  const errors = diagnostics.filter((d) => d.severity === 0);
  if (!document || errors.length > 0) {
    const first = errors[0] ?? diagnostics[0];
    if (!first) return { ok: false, error: { message: 'the document could not be read as AsyncAPI' } };
    const path = first.path.length > 0 ? first.path.map(String).join('.') : undefined;
    // A problem behind a $ref comes with no range (0:0): find the path in the text instead.
    const unplaced =
      first.range.start.line === 0 && first.range.start.character === 0 && first.path.length > 0;
    const pos = unplaced
      ? locateIn(text).positionOf(first.path)
      : { line: first.range.start.line + 1, column: first.range.start.character + 1 };
    return { ok: false, error: { message: first.message, ...(pos ?? {}), ...(path ? { path } : {}) } };
  }
  const b = new FlowBuilder();
  const channelNode = mapChannels(document, b);
  mapOperations(document, b, channelNode);
  const title = document.info().title();
  return finishImport(b, title, { format: 'asyncapi', source: `AsyncAPI ${document.version()} "${title}"` });
}

function mapChannels(doc: AsyncAPIDocumentInterface, b: FlowBuilder): Map<string, string> {
  const nodeOf = new Map<string, string>();
  for (const channel of doc.channels().all()) {
    const address = channel.address() ?? channel.id();
    const what = `channel "${channel.id()}"`;
    const kind = channelKind(doc, channel);
    if (kind.kind === 'unsupported') {
      b.skipped.push(`${what}: protocol ${kind.protocol} is not one Flowbench runs (Kafka and RabbitMQ are)`);
      continue;
    }
    const contract = channelContract(channel);
    const name = nodeLabel(channel.id());
    const wantedId = idFor(channel.id());
    let id: string | null;
    if (kind.kind === 'kafka') {
      const topic = brokerName(address, /[^a-zA-Z0-9._-]+/g, '.');
      const binding = bindingOf(channel, 'kafka');
      const config: Record<string, unknown> = { name, topic: topic.name, contract };
      if (typeof binding.partitions === 'number') config.partitions = binding.partitions;
      id = b.add('kafkaTopic', wantedId, config, what);
      if (id) b.mapped.push(`${what} → Kafka topic "${topic.name}"${topic.note}`);
    } else if (kind.kind === 'amqp-queue') {
      const queue = brokerName(kind.queue, /\s+/g, '-');
      id = b.add(
        'rabbitQueue',
        channel.id(),
        { name, queue: queue.name, durable: kind.durable, contract },
        what,
      );
      if (id) b.mapped.push(`${what} → RabbitMQ queue "${queue.name}"${queue.note}`);
    } else {
      const exchange = brokerName(kind.exchange, /\s+/g, '-');
      const type = EXCHANGE_TYPES.has(kind.type) ? kind.type : 'topic';
      const config = { name, exchange: exchange.name, type, durable: kind.durable, contract };
      id = b.add('rabbitExchange', wantedId, config, what);
      if (id) b.mapped.push(`${what} → RabbitMQ ${type} exchange "${exchange.name}"${exchange.note}`);
    }
    if (id) nodeOf.set(channel.id(), id);
  }
  return nodeOf;
}

function mapOperations(
  doc: AsyncAPIDocumentInterface,
  b: FlowBuilder,
  channelNode: Map<string, string>,
): void {
  // Operations Flowbench exported carry their node's name: those of one node become one node again.
  const byNodeName = new Map<string, string>();
  for (const op of doc.operations().all()) {
    const channel = op.channels().all()[0];
    // AsyncAPI 2.x operations may have no operationId.
    const opId = op.id() ?? `${op.isSend() ? 'send' : 'receive'}-${channel?.id() ?? 'channel'}`;
    const what = `operation "${opId}"`;
    const nodeName = flowbenchNodeName(op);
    const role = op.isSend() ? 'producer' : 'consumer';
    const known = nodeName ? byNodeName.get(`${role}:${nodeName}`) : undefined;
    const target = channel ? channelNode.get(channel.id()) : undefined;
    if (!channel || !target) {
      b.skipped.push(`${what}: its channel${channel ? ` "${channel.id()}"` : ''} was not mapped`);
      continue;
    }
    const targetKind = b.nodes.find((n) => n.id === target)?.kind;
    if (op.isSend()) {
      const message = op.messages().all()[0] ?? channel.messages().all()[0];
      const payload = message ? payloadTemplate(message) : undefined;
      if (known) {
        b.connect(known, target);
        b.mapped.push(`${what} (send) → producer "${nodeName}" also into ${target}`);
        continue;
      }
      const config: Record<string, unknown> = { name: nodeName ?? nodeLabel(opId), count: 100, rate: 5 };
      if (payload) config.payload = payload;
      const id = b.add('producer', nodeName ? slug(nodeName) || opId : opId, config, what);
      if (!id) continue;
      if (nodeName) byNodeName.set(`producer:${nodeName}`, id);
      b.connect(id, target);
      b.mapped.push(
        `${what} (send) → producer "${nodeName ?? opId}" into ${target}${payload ? ', payload from the message' : ''}`,
      );
      continue;
    }
    let source = target;
    if (targetKind === 'rabbitExchange') {
      // Consumers read queues; an exchange is read through a queue bound to it.
      const queue = b.add(
        'rabbitQueue',
        `${opId}-queue`,
        { name: nodeLabel(`${opId} queue`), queue: opId },
        what,
      );
      if (!queue) continue;
      b.connect(target, queue, { pattern: '#' });
      b.mapped.push(`${what}: queue "${opId}" bound to ${target} with "#" for its consumer`);
      source = queue;
    }
    if (known) {
      b.connect(source, known);
      b.mapped.push(`${what} (receive) → consumer "${nodeName}" also reading ${source}`);
      continue;
    }
    const id = b.add(
      'consumer',
      nodeName ? slug(nodeName) || opId : opId,
      { name: nodeName ?? nodeLabel(opId), group: groupOf(op) ?? opId },
      what,
    );
    if (!id) continue;
    if (nodeName) byNodeName.set(`consumer:${nodeName}`, id);
    b.connect(source, id);
    b.mapped.push(`${what} (receive) → consumer "${nodeName ?? opId}" reading ${source}`);
  }
}

function channelKind(doc: AsyncAPIDocumentInterface, channel: ChannelInterface): ChannelKind {
  const amqp = bindingOf(channel, 'amqp');
  const hasKafka = channel.bindings().has('kafka');
  if (channel.bindings().has('amqp')) return amqpKind(channel, amqp);
  if (hasKafka) return { kind: 'kafka' };
  const own = channel.servers().all();
  const protocols = (own.length > 0 ? own : doc.servers().all()).map((s) => s.protocol().toLowerCase());
  if (protocols.some((p) => KAFKA.has(p))) return { kind: 'kafka' };
  if (protocols.some((p) => AMQP.has(p))) return amqpKind(channel, amqp);
  // No servers at all: the document says nothing of a broker, so Kafka (topics) is assumed.
  if (protocols.length === 0) return { kind: 'kafka' };
  return { kind: 'unsupported', protocol: [...new Set(protocols)].join(', ') };
}

function amqpKind(channel: ChannelInterface, binding: Record<string, unknown>): ChannelKind {
  const address = channel.address() ?? channel.id();
  const exchange = (binding.exchange ?? {}) as Record<string, unknown>;
  const queue = (binding.queue ?? {}) as Record<string, unknown>;
  if (binding.is === 'routingKey') {
    return {
      kind: 'amqp-exchange',
      exchange: str(exchange.name) ?? address,
      type: str(exchange.type) ?? 'topic',
      durable: exchange.durable !== false,
    };
  }
  return { kind: 'amqp-queue', queue: str(queue.name) ?? address, durable: queue.durable === true };
}

function bindingOf(channel: ChannelInterface, protocol: string): Record<string, unknown> {
  const value = channel.bindings().get(protocol)?.value<Record<string, unknown>>();
  return value && typeof value === 'object' ? value : {};
}

/**
 * A broker name from an address: `{param}` placeholders become the parameter's name (the
 * document gives them no fixed value) and characters the broker refuses are replaced.
 */
function brokerName(address: string, invalid: RegExp, replacement: string): { name: string; note: string } {
  const params = [...address.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  let name = address.replace(/\{([^}]+)\}/g, '$1').replace(invalid, replacement);
  name = name.replace(/^[.-]+|[.-]+$/g, '') || 'channel';
  if (name.startsWith('amq.')) name = `imported.${name}`;
  const notes: string[] = [];
  if (params.length > 0)
    notes.push(`${params.map((p) => `{${p}}`).join(', ')} written as the parameter name`);
  if (name !== address && params.length === 0) notes.push(`renamed from "${address}"`);
  return { name, note: notes.length > 0 ? ` (${notes.join('; ')})` : '' };
}

/** The JSON Schema contract of the channel's first message with a payload (or none). */
function channelContract(channel: ChannelInterface): Record<string, unknown> {
  const message = channel
    .messages()
    .all()
    .find((m) => m.hasPayload());
  const schema = message?.payload()?.json();
  if (!schema || typeof schema !== 'object') return { format: 'none' };
  return { format: 'json-schema', schema: JSON.stringify(plainSchema(schema), null, 2) };
}

function payloadTemplate(message: MessageInterface): string | undefined {
  const example = message
    .examples()
    .all()
    .find((e) => e.hasPayload());
  if (example) return templateFromExample(example.payload());
  const schema = message.payload()?.json();
  return schema ? templateFromSchema(plainSchema(schema)) : undefined;
}

/** A 2.x channel's id is its address: its last few words make a readable node id. */
function idFor(channelId: string): string {
  const words = channelId.split(/[./]+/).filter((w) => w !== '' && !/^\{.*\}$/.test(w));
  return words.length > 3 ? words.slice(-3).join('-') : channelId;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The node name a Flowbench export wrote on the operation (`x-flowbench-node`), if any. */
function flowbenchNodeName(op: OperationInterface): string | undefined {
  const value: unknown = op.extensions().get('x-flowbench-node')?.value();
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : undefined;
}

/** The Kafka consumer group an operation names in its binding (`groupId` as a one-value enum). */
function groupOf(op: OperationInterface): string | undefined {
  const kafka = op.bindings().get('kafka')?.value() as { groupId?: { enum?: unknown[] } } | undefined;
  const group = kafka?.groupId?.enum?.[0];
  return typeof group === 'string' && group !== '' ? group : undefined;
}
