/**
 * The integration decision tree of PATTERNS.md as data: questions whose answers lead to
 * further questions or to a recommended pattern, with the reason each answer gives.
 * The guided chooser walks it; the recommendation opens its template when one exists.
 */

/** One possible answer: what it means for the design, and where it leads. */
export interface ChooserAnswer {
  label: string;
  /** The reasoning line this answer adds, in the chooser's summary. */
  reason: string;
  /** A question id or a result id. */
  next: string;
}

export interface ChooserQuestion {
  id: string;
  question: string;
  /** A short hint about what the question is asking. */
  detail: string;
  answers: ChooserAnswer[];
}

/** Where the tree ends: a pattern, and its template id (null: nothing to open). */
export interface ChooserResult {
  id: string;
  pattern: string;
  templateId: string | null;
  summary: string;
}

/** The first question asked. */
export const FIRST_QUESTION = 'transaction';

export const QUESTIONS: Record<string, ChooserQuestion> = {
  transaction: {
    id: 'transaction',
    question: 'Must one business action change data in several services, all or nothing?',
    detail: 'A distributed transaction: an order that reserves stock, charges a card and books shipping.',
    answers: [
      { label: 'Yes', reason: 'Several services take part in one transaction.', next: 'consistency' },
      { label: 'No', reason: 'No distributed transaction is involved.', next: 'immediate' },
    ],
  },
  consistency: {
    id: 'consistency',
    question: 'Can the services be briefly inconsistent, as long as they all agree in the end?',
    detail: 'Eventual consistency: for a moment stock may be reserved while the payment is still pending.',
    answers: [
      {
        label: 'Yes, eventual consistency is fine',
        reason:
          'Eventual consistency is acceptable, so each service commits locally and failures are undone by compensations (a saga).',
        next: 'coordination',
      },
      {
        label: 'No, it must be strongly consistent',
        reason:
          'Strong consistency across services needs locks or two-phase commit, which couple services tightly.',
        next: 'monolith',
      },
    ],
  },
  coordination: {
    id: 'coordination',
    question: 'Do you want one place that runs the steps and shows where each transaction is?',
    detail:
      'An orchestrator is easier to follow and monitor; events between services keep them loosely coupled.',
    answers: [
      {
        label: 'Yes, a coordinator',
        reason: 'A central coordinator runs the steps and their compensations (orchestration).',
        next: 'saga-orchestration',
      },
      {
        label: 'No, services react to events',
        reason: 'Services react to each other’s events with no central coordinator (choreography).',
        next: 'saga-choreography',
      },
    ],
  },
  immediate: {
    id: 'immediate',
    question: 'Does the caller need an immediate response to go on?',
    detail: 'Request-response: a screen waits for the data, a service needs the answer to continue.',
    answers: [
      {
        label: 'Yes',
        reason: 'The caller waits for an answer, so the call is synchronous.',
        next: 'sync-style',
      },
      {
        label: 'No',
        reason: 'The caller does not wait, so events or a queue decouple it.',
        next: 'consumers',
      },
    ],
  },
  'sync-style': {
    id: 'sync-style',
    question: 'Who calls, and what matters most?',
    detail:
      'REST for public and simple CRUD APIs, gRPC between services, GraphQL for clients that shape their data.',
    answers: [
      {
        label: 'Public or simple CRUD API',
        reason: 'A public, resource-shaped API is best served over plain HTTP with JSON.',
        next: 'rest',
      },
      {
        label: 'Fast service-to-service calls or streaming',
        reason: 'Service-to-service traffic gains from a binary, strictly typed protocol with streaming.',
        next: 'grpc',
      },
      {
        label: 'Several clients needing different data',
        reason: 'Clients with different needs should ask for exactly the fields they use.',
        next: 'graphql',
      },
      {
        label: 'One secured entry for mobile, web and partner clients',
        reason:
          'Many kinds of client need one entry point that authenticates, rate-limits and routes them, so services do not each repeat it.',
        next: 'gateway',
      },
      {
        label: 'Reliable, secure calls between many services',
        reason:
          'Retries, timeouts, circuit breaking and mTLS belong beside every service-to-service call, not inside each service.',
        next: 'mesh',
      },
    ],
  },
  consumers: {
    id: 'consumers',
    question: 'Should several consumers each receive every message?',
    detail: 'Broadcast to audit, billing and search alike, or hand each job to one worker.',
    answers: [
      { label: 'Yes', reason: 'Every interested consumer needs its own copy.', next: 'pubsub' },
      { label: 'No', reason: 'Each message is work for exactly one consumer.', next: 'queue' },
      {
        label: 'The events themselves are the record',
        reason: 'The history of changes matters (audit, rebuilding past states), not only the latest state.',
        next: 'history',
      },
    ],
  },
  history: {
    id: 'history',
    question: 'Are reads shaped or scaled differently from writes?',
    detail: 'Dashboards and searches that want their own views, against commands that must be validated.',
    answers: [
      {
        label: 'Yes',
        reason: 'Reads get their own models, built from the events, and scale apart from the writes (CQRS).',
        next: 'cqrs',
      },
      {
        label: 'No',
        reason:
          'An append-only event log per aggregate is the source of truth; state is a fold of its events.',
        next: 'event-sourcing',
      },
    ],
  },
};

export const RESULTS: Record<string, ChooserResult> = {
  rest: {
    id: 'rest',
    pattern: 'REST API',
    templateId: 'rest-api',
    summary: 'Request-response over HTTP with resources, methods and status codes.',
  },
  grpc: {
    id: 'grpc',
    pattern: 'gRPC',
    templateId: 'grpc',
    summary: 'Binary, strongly typed calls over HTTP/2, with streaming.',
  },
  graphql: {
    id: 'graphql',
    pattern: 'GraphQL',
    templateId: 'graphql',
    summary: 'One endpoint where each client queries the shape of data it needs.',
  },
  queue: {
    id: 'queue',
    pattern: 'Message queue',
    templateId: 'message-queue',
    summary: 'Point-to-point delivery to competing consumers, with acks, retries and a dead-letter queue.',
  },
  pubsub: {
    id: 'pubsub',
    pattern: 'Publish/subscribe',
    templateId: 'publish-subscribe',
    summary: 'One publisher, many subscribers, each with its own copy and filter.',
  },
  'saga-orchestration': {
    id: 'saga-orchestration',
    pattern: 'Saga (orchestration)',
    templateId: 'saga-orchestration',
    summary: 'A coordinator runs local transactions in order and compensates on failure.',
  },
  'saga-choreography': {
    id: 'saga-choreography',
    pattern: 'Saga (choreography)',
    templateId: 'saga-choreography',
    summary: 'Services react to each other’s events; a failure triggers compensating events.',
  },
  gateway: {
    id: 'gateway',
    pattern: 'API gateway',
    templateId: 'api-gateway',
    summary: 'One entry point that authenticates, rate-limits, routes, transforms and caches.',
  },
  mesh: {
    id: 'mesh',
    pattern: 'Service mesh',
    templateId: 'service-mesh',
    summary:
      'Sidecar policies on service-to-service calls: retries, timeouts, circuit breakers, mTLS, traffic splits.',
  },
  'event-sourcing': {
    id: 'event-sourcing',
    pattern: 'Event sourcing',
    templateId: 'event-sourcing',
    summary: 'Append-only streams of events per aggregate; any past state is a fold of its events.',
  },
  cqrs: {
    id: 'cqrs',
    pattern: 'CQRS',
    templateId: 'cqrs',
    summary: 'Commands write events; projections build read models that queries are served from.',
  },
  monolith: {
    id: 'monolith',
    pattern: 'Consider a monolith',
    templateId: null,
    summary:
      'Keep the data that must change together in one service and one database, where a local transaction gives strong consistency.',
  },
};

/** Where a series of answers (indexes into each question's answers) has led. */
export type ChooserState =
  | { done: false; question: ChooserQuestion; reasoning: string[] }
  | { done: true; result: ChooserResult; reasoning: string[] };

/** Walks the tree from the first question; throws on an answer index that does not exist. */
export function walkDecisionTree(answers: readonly number[]): ChooserState {
  let question = QUESTIONS[FIRST_QUESTION];
  const reasoning: string[] = [];
  for (const [step, index] of answers.entries()) {
    const answer = question.answers[index];
    if (!answer) throw new Error(`answer ${index} of question "${question.id}" does not exist`);
    reasoning.push(answer.reason);
    const result = RESULTS[answer.next];
    if (result) {
      if (step !== answers.length - 1) throw new Error(`the tree ends at "${result.pattern}"`);
      return { done: true, result, reasoning };
    }
    question = QUESTIONS[answer.next];
  }
  return { done: false, question, reasoning };
}
