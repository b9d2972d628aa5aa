import { parsePath } from '../../expressions/json-path';
import { compilePredicate } from '../../expressions/predicate';
import type { LintFinding, LintRule } from '../lint-flow';
import { list, nameOf, record, text, type LintNode } from '../lint-graph';

type Check = 'predicate' | 'path';

/**
 * Predicates (router routes, filters, route and filter steps) and message paths (split,
 * aggregate and enrich steps) must parse; the finding names the field and the character.
 */
export const badExpression: LintRule = (flow) =>
  flow.nodes.flatMap((node) =>
    expressionsOf(node).flatMap(({ field, source, check }) => {
      if (source.trim() === '') return [];
      try {
        if (check === 'predicate') compilePredicate(source);
        else parsePath(source);
        return [];
      } catch (err) {
        const finding: LintFinding = {
          rule: 'bad-expression',
          severity: 'error',
          nodeId: node.id,
          message: `"${nameOf(node)}" ${field}: ${(err as Error).message}`,
        };
        return [finding];
      }
    }),
  );

function expressionsOf(node: LintNode): Array<{ field: string; source: string; check: Check }> {
  const out: Array<{ field: string; source: string; check: Check }> = [];
  const predicate = (field: string, value: unknown): void => {
    out.push({ field, source: text(value), check: 'predicate' });
  };
  const path = (field: string, value: unknown): void => {
    out.push({ field, source: text(value), check: 'path' });
  };
  const cfg = node.config;
  if (node.kind === 'router')
    list(cfg.routes).forEach((r, i) => predicate(`routes[${i}].when`, record(r).when));
  if (node.kind === 'filter') predicate('when', cfg.when);
  list(cfg.behaviours).forEach((raw, i) => {
    const step = record(raw);
    const at = `behaviours[${i}]`;
    if (step.kind === 'route') {
      list(step.routes).forEach((r, j) => predicate(`${at}.routes[${j}].when`, record(r).when));
    }
    if (step.kind === 'filter') predicate(`${at}.when`, step.when);
    if (step.kind === 'split') path(`${at}.path`, step.path);
    if (step.kind === 'aggregate') path(`${at}.by`, step.by);
    if (step.kind === 'enrich') path(`${at}.into`, step.into);
  });
  return out;
}
