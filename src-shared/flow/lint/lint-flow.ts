import type { FlowEdge } from '../document';
import type { NodeKind } from '../node-kinds';
import { badExpression } from './rules/bad-expression';
import { bindingIncomplete } from './rules/binding-incomplete';
import { clientWithoutService } from './rules/client-without-service';
import { cycleWithoutStop } from './rules/cycle-without-stop';
import { deadLetterTargetMissing } from './rules/dead-letter-target-missing';
import { duplicateName } from './rules/duplicate-name';
import { eventSourcingWiring } from './rules/event-sourcing-wiring';
import { exchangeWithoutBindings } from './rules/exchange-without-bindings';
import { gatewayRouteToNothing } from './rules/gateway-route-to-nothing';
import { graphqlBindingTarget } from './rules/graphql-binding-target';
import { groupExceedsPartitions } from './rules/group-exceeds-partitions';
import { invalidConfig } from './rules/invalid-config';
import { policyUnattached } from './rules/policy-unattached';
import { producerWithoutTarget } from './rules/producer-without-target';
import { queueWithoutConsumer } from './rules/queue-without-consumer';
import { routerOutputUnconnected } from './rules/router-output-unconnected';
import { sagaStepTarget } from './rules/saga-step-target';
import { sagaStepWithoutCompensation } from './rules/saga-step-without-compensation';
import { topicWithoutReader } from './rules/topic-without-reader';
import { unknownMethod } from './rules/unknown-method';
import { unknownPolicy } from './rules/unknown-policy';
import { unreachableNode } from './rules/unreachable-node';

/** How much a finding matters: errors stop a run; warnings and hints are for the designer. */
export type LintSeverity = 'error' | 'warning' | 'info';

/** One design problem the validation panel lists; clicking it selects its node or edge. */
export interface LintFinding {
  /** Stable rule id, e.g. `queue-without-consumer`. */
  rule: string;
  severity: LintSeverity;
  nodeId?: string;
  edgeId?: string;
  message: string;
}

/** A flow as the editor holds it: configs may be incomplete or invalid while the user types. */
export interface LintableFlow {
  nodes: Array<{ id: string; kind: NodeKind; config: Record<string, unknown> }>;
  edges: FlowEdge[];
}

/** A design rule: pure, fast (runs on every edit), never throws on incomplete configs. */
export type LintRule = (flow: LintableFlow) => LintFinding[];

/** Every rule, one per file in `rules/`; order only matters for findings of equal rank. */
const RULES: LintRule[] = [
  invalidConfig,
  badExpression,
  producerWithoutTarget,
  clientWithoutService,
  unknownMethod,
  gatewayRouteToNothing,
  graphqlBindingTarget,
  sagaStepTarget,
  eventSourcingWiring,
  unknownPolicy,
  routerOutputUnconnected,
  queueWithoutConsumer,
  topicWithoutReader,
  exchangeWithoutBindings,
  bindingIncomplete,
  deadLetterTargetMissing,
  groupExceedsPartitions,
  sagaStepWithoutCompensation,
  policyUnattached,
  cycleWithoutStop,
  unreachableNode,
  duplicateName,
];

/** Every finding of every rule, errors first, then in node order. */
export function lintFlow(flow: LintableFlow): LintFinding[] {
  const order = new Map(flow.nodes.map((n, i) => [n.id, i]));
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return RULES.flatMap((rule) => rule(flow)).sort(
    (a, b) =>
      rank[a.severity] - rank[b.severity] ||
      (order.get(a.nodeId ?? '') ?? 1e9) - (order.get(b.nodeId ?? '') ?? 1e9),
  );
}
