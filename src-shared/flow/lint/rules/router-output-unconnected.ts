import { ROUTER_ELSE } from '../../node-kinds';
import type { LintFinding, LintRule } from '../lint-flow';
import { list, nameOf, nodesOf, record, text } from '../lint-graph';

/**
 * Each router output should lead somewhere (messages sent to an unconnected output are
 * dropped), and each edge must leave from an output the router still has.
 */
export const routerOutputUnconnected: LintRule = (flow) =>
  nodesOf(flow, 'router').flatMap((router): LintFinding[] => {
    const outputs = list(router.config.routes).map((r) => text(record(r).output).trim());
    const edges = flow.edges.filter((e) => e.source === router.id);
    const used = new Set(edges.map((e) => e.sourceHandle ?? ''));
    const findings: LintFinding[] = outputs
      .filter((o) => o && !used.has(o))
      .map((o) => ({
        rule: 'router-output-unconnected',
        severity: 'warning',
        nodeId: router.id,
        message: `Output "${o}" of router "${nameOf(router)}" leads nowhere: its messages are dropped`,
      }));
    for (const e of edges) {
      const from = e.sourceHandle ?? '';
      if (from === ROUTER_ELSE || outputs.includes(from)) continue;
      findings.push({
        rule: 'router-output-unconnected',
        severity: 'error',
        nodeId: router.id,
        edgeId: e.id,
        message: from
          ? `A connection leaves router "${nameOf(router)}" from output "${from}", which it no longer has`
          : `A connection leaves router "${nameOf(router)}" from no output: reconnect it from one`,
      });
    }
    return findings;
  });
