import type { NodeKindInfo } from '../node-catalog';

type Kinds =
  | 'apiGateway'
  | 'sagaOrchestrator'
  | 'eventStore'
  | 'projection'
  | 'meshPolicy'
  | 'router'
  | 'filter'
  | 'timer'
  | 'sink';

const family = 'Patterns';

/** Palette entries of the Patterns family (PATTERNS.md). */
export const PATTERNS_CATALOG: Record<Kinds, NodeKindInfo> = {
  apiGateway: {
    kind: 'apiGateway',
    label: 'API gateway',
    noun: 'an API gateway',
    family,
    description: 'One entry point: routes by path prefix, with auth and rate limits',
    color: '#4f46e5',
    icon: '⊞',
    keywords: 'gateway proxy ingress edge auth jwt api key rate limit',
    starter: {},
  },
  sagaOrchestrator: {
    kind: 'sagaOrchestrator',
    label: 'Saga orchestrator',
    noun: 'a saga orchestrator',
    family,
    description: 'Runs ordered steps on services; compensates on failure',
    color: '#b45309',
    icon: '⟲',
    keywords: 'saga transaction compensation orchestration workflow',
    starter: {
      steps: [
        {
          name: 'reserve-stock',
          target: '',
          action: 'POST /reservations',
          compensation: 'DELETE /reservations',
        },
        { name: 'charge-payment', target: '', action: 'POST /payments', compensation: 'POST /refunds' },
      ],
    },
  },
  eventStore: {
    kind: 'eventStore',
    label: 'Event store',
    noun: 'an event store',
    family,
    description: 'Append-only event streams with snapshots (event sourcing)',
    color: '#155e75',
    icon: '☰',
    keywords: 'event sourcing log append stream snapshot',
    starter: { streams: ['order'] },
  },
  projection: {
    kind: 'projection',
    label: 'Projection',
    noun: 'a projection',
    family,
    description: 'Folds events into a read model (CQRS)',
    color: '#0d9488',
    icon: '◧',
    keywords: 'read model view cqrs query',
    starter: { events: ['OrderPlaced', 'OrderShipped'] },
  },
  meshPolicy: {
    kind: 'meshPolicy',
    label: 'Mesh policy',
    noun: 'a mesh policy',
    family,
    description: 'Retries, timeout, circuit breaker, mTLS and traffic split for a service',
    color: '#64748b',
    icon: '⊛',
    keywords: 'service mesh retry timeout circuit breaker mtls canary traffic split istio',
    starter: {},
  },
  router: {
    kind: 'router',
    label: 'Router',
    noun: 'a router',
    family,
    description: 'Sends each message to the first output whose predicate holds',
    color: '#65a30d',
    icon: '⋔',
    keywords: 'content based router switch branch predicate',
    starter: {},
  },
  filter: {
    kind: 'filter',
    label: 'Filter',
    noun: 'a filter',
    family,
    description: 'Passes on only the messages a predicate keeps',
    color: '#a16207',
    icon: '▽',
    keywords: 'predicate drop where condition',
    starter: {},
  },
  timer: {
    kind: 'timer',
    label: 'Timer',
    noun: 'a timer',
    family,
    description: 'Emits a payload on an interval or a cron schedule',
    color: '#9333ea',
    icon: '◷',
    keywords: 'schedule cron interval tick clock trigger',
    starter: {},
  },
  sink: {
    kind: 'sink',
    label: 'Sink',
    noun: 'a sink',
    family,
    description: 'End of a path: counts (and records) what arrives',
    color: '#334155',
    icon: '⊥',
    keywords: 'end drain terminal discard',
    starter: {},
  },
};
