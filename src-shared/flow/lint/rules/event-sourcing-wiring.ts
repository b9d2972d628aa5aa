import { compilePredicate } from '../../expressions/predicate';
import type { LintFinding, LintRule } from '../lint-flow';
import { incoming, list, nameOf, nodeIndex, nodesOf, outgoing, record, text } from '../lint-graph';

/**
 * Event stores and projections that cannot work as wired: a store nothing sends commands
 * to, a projection fed by nothing, a store rule that does not parse, and REST routes that
 * append to a store or answer from a read model that is not connected to them.
 */
export const eventSourcingWiring: LintRule = (flow) => {
  const byId = nodeIndex(flow);
  const findings: LintFinding[] = [];
  const found = (severity: LintFinding['severity'], nodeId: string, message: string): void =>
    void findings.push({ rule: 'event-sourcing-wiring', severity, nodeId, message });
  for (const n of nodesOf(flow, 'eventStore')) {
    if (incoming(flow, n.id, byId).length === 0)
      found(
        'warning',
        n.id,
        `event store "${nameOf(n)}" receives no commands: connect a topic, a queue or a service into it`,
      );
    list(n.config.rules).forEach((rule, i) => {
      const when = text(record(rule).when);
      if (!when) return;
      try {
        compilePredicate(when);
      } catch (err) {
        found('error', n.id, `event store "${nameOf(n)}" rule ${i + 1}: ${(err as Error).message}`);
      }
    });
  }
  for (const n of nodesOf(flow, 'projection')) {
    if (incoming(flow, n.id, byId).length === 0)
      found(
        'warning',
        n.id,
        `projection "${nameOf(n)}" folds nothing: connect an event store (or a topic of events) into it`,
      );
  }
  for (const n of nodesOf(flow, 'restService')) {
    const stores = outgoing(flow, n.id, byId)
      .filter((x) => x.node.kind === 'eventStore')
      .map((x) => nameOf(x.node));
    const models = incoming(flow, n.id, byId)
      .filter((x) => x.node.kind === 'projection')
      .map((x) => text(x.node.config.readModel));
    for (const route of list(n.config.routes).map(record)) {
      const where = `route ${text(route.method)} ${text(route.path)} of "${nameOf(n)}"`;
      const store = text(route.appendTo);
      if (store && !stores.includes(store))
        found('error', n.id, `${where} appends to "${store}", which is not an event store connected to it`);
      const model = text(route.readModel);
      if (model && !models.includes(model))
        found(
          'error',
          n.id,
          `${where} answers from read model "${model}", which no connected projection builds`,
        );
    }
  }
  return findings;
};
