import type { LintFinding, LintRule } from '../lint-flow';
import { list, nameOf, nodesOf, record, text } from '../lint-graph';
import { targetProblem } from '../references';

/** Each gateway route must reach a connected service, or its requests get a 502. */
export const gatewayRouteToNothing: LintRule = (flow) =>
  nodesOf(flow, 'apiGateway').flatMap((gw): LintFinding[] => {
    const routes = list(gw.config.routes).map(record);
    if (routes.length === 0) {
      return [
        {
          rule: 'gateway-route-to-nothing',
          severity: 'warning',
          nodeId: gw.id,
          message: `Gateway "${nameOf(gw)}" has no routes: every request gets a 404`,
        },
      ];
    }
    return routes.flatMap((route) => {
      const problem = targetProblem(flow, gw, text(route.target));
      if (!problem) return [];
      return [
        {
          rule: 'gateway-route-to-nothing',
          severity: 'error',
          nodeId: gw.id,
          message: `Route ${text(route.pathPrefix) || '?'} of gateway "${nameOf(gw)}" ${problem}`,
        },
      ];
    });
  });
