import { NODE_CATALOG } from './node-catalog';
import { NODE_KINDS, type NodeKind } from './node-kinds';

/** Where messages wait: producers, timers, routers and filters publish into these. */
const CHANNELS: readonly NodeKind[] = ['kafkaTopic', 'rabbitExchange', 'rabbitQueue'];
const SERVICES: readonly NodeKind[] = ['restService', 'grpcService', 'graphqlService'];
/** What may read from a topic or queue. */
const READERS: readonly NodeKind[] = [
  'consumer',
  ...SERVICES,
  'sagaOrchestrator',
  'eventStore',
  'projection',
  'router',
  'filter',
  'sink',
];

/**
 * Which target kinds each source kind may connect to; everything else is refused.
 * Services publish events (to channels or an event store); clients call their own
 * protocol's services or a gateway; a GraphQL service may call a REST or gRPC service; a mesh policy attaches to the service it governs.
 */
export const CONNECTIONS: Readonly<Record<NodeKind, readonly NodeKind[]>> = {
  producer: CHANNELS,
  consumer: [],
  kafkaTopic: READERS,
  rabbitExchange: ['rabbitQueue', 'rabbitExchange'],
  rabbitQueue: READERS,
  restService: [...CHANNELS, 'eventStore'],
  restClient: ['restService', 'apiGateway'],
  grpcService: [...CHANNELS, 'eventStore'],
  grpcClient: ['grpcService', 'apiGateway'],
  // A GraphQL field may resolve by calling a REST or gRPC service (a binding on the GraphQL node).
  graphqlService: [...CHANNELS, 'eventStore', 'restService', 'grpcService'],
  graphqlClient: ['graphqlService', 'apiGateway'],
  apiGateway: SERVICES,
  sagaOrchestrator: SERVICES,
  // An event store passes appended events on to projections and channels; a projection's read model answers a REST service's queries.
  eventStore: ['projection', ...CHANNELS],
  projection: ['restService'],
  meshPolicy: [...SERVICES, 'apiGateway'],
  router: [...CHANNELS, ...READERS],
  filter: [...CHANNELS, ...READERS],
  timer: [...CHANNELS, 'router', 'filter', 'sagaOrchestrator'],
  sink: [],
  group: [],
  note: [],
};

const ANNOTATIONS: readonly NodeKind[] = ['group', 'note'];

/** Returns null when the connection is allowed, else the reason in a sentence. */
export function edgeRefusal(source: NodeKind, target: NodeKind): string | null {
  const allowed = CONNECTIONS[source];
  if (allowed.includes(target)) return null;
  if (ANNOTATIONS.includes(source))
    return `${capital(noun(source))} takes no connections: ${annotationWhy(source)}`;
  if (ANNOTATIONS.includes(target))
    return `${capital(noun(target))} takes no connections: ${annotationWhy(target)}`;
  if (allowed.length === 0) return `${capital(noun(source))} has no outputs: it can only be a target`;
  const base = `${capital(noun(source))} can connect to ${listNouns(allowed)}, not to ${noun(target)}`;
  const why = targetWhy(source, target);
  return why ? `${base}: ${why}` : base;
}

/** True when some kind may connect to `kind` (so its node draws an input handle). */
export function hasInputs(kind: NodeKind): boolean {
  return NODE_KINDS.some((source) => CONNECTIONS[source].includes(kind));
}

/** True when `kind` may connect to some kind (so its node draws an output handle). */
export function hasOutputs(kind: NodeKind): boolean {
  return CONNECTIONS[kind].length > 0;
}

/** The kinds that may connect into `kind`. */
export function sourcesOf(kind: NodeKind): NodeKind[] {
  return NODE_KINDS.filter((source) => CONNECTIONS[source].includes(kind));
}

/** A gRPC client's edge must land on one method of the service (its target handle). */
export function needsMethod(source: NodeKind, target: NodeKind): boolean {
  return source === 'grpcClient' && target === 'grpcService';
}

function annotationWhy(kind: NodeKind): string {
  return kind === 'group' ? 'drag nodes into it to group them' : 'it only annotates the canvas';
}

/** The part of a refusal that says why, for the mistakes people make most. */
function targetWhy(source: NodeKind, target: NodeKind): string | null {
  if (target === 'meshPolicy') return 'a policy attaches to services, so nothing connects into it';
  if (CONNECTIONS[target].length > 0 && !hasInputs(target)) {
    return `${noun(target)} starts traffic, so nothing connects into it`;
  }
  if ((source === 'producer' || source === 'timer') && READERS.includes(target)) {
    return `messages reach ${noun(target)} through a topic or a queue`;
  }
  if (source.endsWith('Client') && target.endsWith('Service')) {
    return `each client calls services of its own protocol`;
  }
  return null;
}

function noun(kind: NodeKind): string {
  return NODE_CATALOG[kind].noun;
}

/** "a, b or c", with the three service kinds said once as "a service (REST, gRPC or GraphQL)". */
function listNouns(kinds: readonly NodeKind[]): string {
  const words: string[] = [];
  const allServices = SERVICES.every((k) => kinds.includes(k));
  let servicesSaid = false;
  for (const k of kinds) {
    if (allServices && SERVICES.includes(k)) {
      if (!servicesSaid) words.push('a service (REST, gRPC or GraphQL)');
      servicesSaid = true;
    } else {
      words.push(noun(k));
    }
  }
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
