import type { LintFinding, LintRule } from '../lint-flow';
import { nameOf, nodeIndex, record, text } from '../lint-graph';

/**
 * A binding must say what it matches, in the terms of its exchange's type: a routing key
 * (direct), a pattern (topic) or headers (headers). Settings the type ignores are noted.
 */
export const bindingIncomplete: LintRule = (flow) => {
  const byId = nodeIndex(flow);
  const findings: LintFinding[] = [];
  for (const edge of flow.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (source?.kind !== 'rabbitExchange' || !target) continue;
    const type = text(source.config.type) || 'direct';
    const cfg = edge.config ?? {};
    const headers = Object.keys(record(cfg.headerMatch?.headers));
    const where = `The binding from "${nameOf(source)}" to "${nameOf(target)}"`;
    const add = (severity: LintFinding['severity'], message: string): void => {
      findings.push({ rule: 'binding-incomplete', severity, edgeId: edge.id, nodeId: source.id, message });
    };
    if (type === 'direct' && !cfg.routingKey) {
      add('warning', `${where} has no routing key: only messages published without a key arrive`);
    } else if (type === 'topic' && !cfg.pattern) {
      add('warning', `${where} has no topic pattern: set one such as "orders.*" or "orders.#"`);
    } else if (type === 'headers' && headers.length === 0) {
      add('warning', `${where} matches no headers: add the headers a message must carry`);
    }
    const ignored = [
      type !== 'direct' && cfg.routingKey ? 'routing key' : '',
      type !== 'topic' && cfg.pattern ? 'topic pattern' : '',
      type !== 'headers' && headers.length > 0 ? 'header match' : '',
    ].filter(Boolean);
    if (ignored.length > 0)
      add('info', `${where} sets a ${ignored.join(' and ')}, which a ${type} exchange ignores`);
  }
  return findings;
};
