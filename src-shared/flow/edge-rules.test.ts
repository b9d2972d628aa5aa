import { describe, expect, it } from 'vitest';
import { edgeRefusal, hasInputs, hasOutputs, needsMethod, sourcesOf } from './edge-rules';
import { NODE_KINDS, type NodeKind } from './node-kinds';

const channels = 'kafkaTopic rabbitExchange rabbitQueue';
const readers =
  'consumer restService grpcService graphqlService sagaOrchestrator eventStore projection router filter sink';

/** The connection table as a designer reads it: source → every target it may connect to. */
const TABLE: Record<NodeKind, string> = {
  producer: channels,
  consumer: '',
  kafkaTopic: readers,
  rabbitExchange: 'rabbitQueue rabbitExchange',
  rabbitQueue: readers,
  restService: `${channels} eventStore`,
  restClient: 'restService apiGateway',
  grpcService: `${channels} eventStore`,
  grpcClient: 'grpcService apiGateway',
  graphqlService: `${channels} eventStore restService grpcService`,
  graphqlClient: 'graphqlService apiGateway',
  apiGateway: 'restService grpcService graphqlService',
  sagaOrchestrator: 'restService grpcService graphqlService',
  eventStore: `projection ${channels}`,
  projection: 'restService',
  meshPolicy: 'restService grpcService graphqlService apiGateway',
  router: `${channels} ${readers}`,
  filter: `${channels} ${readers}`,
  timer: `${channels} router filter sagaOrchestrator`,
  sink: '',
  group: '',
  note: '',
};

describe('edgeRefusal', () => {
  const pairs = NODE_KINDS.flatMap((s) => NODE_KINDS.map((t) => [s, t] as const));
  it.each(pairs)('%s → %s follows the table', (source, target) => {
    const allowed = TABLE[source].split(' ').includes(target);
    const reason = edgeRefusal(source, target);
    if (allowed) expect(reason).toBeNull();
    else expect(reason).toMatch(/^An? [A-Za-z]/);
  });

  it.each([
    ['consumer', 'kafkaTopic', 'A consumer has no outputs: it can only be a target'],
    ['sink', 'producer', 'A sink has no outputs: it can only be a target'],
    [
      'producer',
      'sink',
      'A producer can connect to a Kafka topic, a RabbitMQ exchange or a RabbitMQ queue, not to a sink: messages reach a sink through a topic or a queue',
    ],
    [
      'kafkaTopic',
      'producer',
      'A Kafka topic can connect to a consumer, a service (REST, gRPC or GraphQL), a saga orchestrator, an event store, a projection, a router, a filter or a sink, not to a producer: a producer starts traffic, so nothing connects into it',
    ],
    [
      'grpcClient',
      'restService',
      'A gRPC client can connect to a gRPC service or an API gateway, not to a REST service: each client calls services of its own protocol',
    ],
    [
      'rabbitExchange',
      'consumer',
      'A RabbitMQ exchange can connect to a RabbitMQ queue or a RabbitMQ exchange, not to a consumer',
    ],
    ['note', 'sink', 'A note takes no connections: it only annotates the canvas'],
    ['producer', 'group', 'A group takes no connections: drag nodes into it to group them'],
    [
      'restService',
      'meshPolicy',
      'A REST service can connect to a Kafka topic, a RabbitMQ exchange, a RabbitMQ queue or an event store, not to a mesh policy: a policy attaches to services, so nothing connects into it',
    ],
  ] as const)('%s → %s says why: %s', (source, target, sentence) => {
    expect(edgeRefusal(source, target)).toBe(sentence);
  });
});

describe('handles', () => {
  it('draws an input only where something may connect in, an output only where it may connect out', () => {
    const inputs = NODE_KINDS.filter(hasInputs);
    const outputs = NODE_KINDS.filter(hasOutputs);
    expect(NODE_KINDS.filter((k) => !inputs.includes(k))).toEqual([
      'producer',
      'restClient',
      'grpcClient',
      'graphqlClient',
      'meshPolicy',
      'timer',
      'group',
      'note',
    ]);
    expect(NODE_KINDS.filter((k) => !outputs.includes(k))).toEqual(['consumer', 'sink', 'group', 'note']);
  });

  it('lists the sources of a kind and which edges need a method handle', () => {
    expect(sourcesOf('projection')).toEqual(['kafkaTopic', 'rabbitQueue', 'eventStore', 'router', 'filter']);
    expect(sourcesOf('restService')).toContain('graphqlService');
    expect(edgeRefusal('graphqlService', 'restService')).toBeNull();
    expect(edgeRefusal('graphqlService', 'grpcService')).toBeNull();
    expect(edgeRefusal('graphqlService', 'graphqlService')).toMatch(/^A GraphQL service can connect to/);
    expect(needsMethod('grpcClient', 'grpcService')).toBe(true);
    expect(needsMethod('apiGateway', 'grpcService')).toBe(false);
  });
});
