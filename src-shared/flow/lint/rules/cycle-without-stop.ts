import type { LintFinding, LintRule } from '../lint-flow';
import { isTrafficEdge, nameOf, nodeIndex, num, quotedList, type LintNode } from '../lint-graph';

/**
 * A loop in the message path repeats forever unless something in it stops a message:
 * a filter, or a router with a hop limit. One warning per loop (strongly connected part).
 */
export const cycleWithoutStop: LintRule = (flow) => {
  const byId = nodeIndex(flow);
  const next = new Map<string, string[]>();
  for (const e of flow.edges) {
    if (!isTrafficEdge(e, flow, byId) || !byId.has(e.target)) continue;
    next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  }
  const findings: LintFinding[] = [];
  for (const loop of stronglyConnected(
    flow.nodes.map((n) => n.id),
    next,
  )) {
    const selfLoop = loop.length === 1 && (next.get(loop[0]) ?? []).includes(loop[0]);
    if (loop.length < 2 && !selfLoop) continue;
    const nodes = loop.map((id) => byId.get(id) as LintNode);
    if (nodes.some(stops)) continue;
    const order = new Map(flow.nodes.map((n, i) => [n.id, i]));
    nodes.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    findings.push({
      rule: 'cycle-without-stop',
      severity: 'warning',
      nodeId: nodes[0].id,
      message: `Messages loop through ${quotedList(nodes.map(nameOf))} with nothing to stop them: add a filter, or set a router's max hops`,
    });
  }
  return findings;
};

function stops(node: LintNode): boolean {
  return node.kind === 'filter' || (node.kind === 'router' && (num(node.config.maxHops) ?? 0) > 0);
}

/** Tarjan's algorithm, iterative so a long chain cannot overflow the stack. */
function stronglyConnected(ids: string[], next: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; i: number }> = [{ id: root, i: 0 }];
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.i === 0 && !index.has(frame.id)) {
        index.set(frame.id, counter);
        low.set(frame.id, counter);
        counter += 1;
        stack.push(frame.id);
        onStack.add(frame.id);
      }
      const succ = next.get(frame.id) ?? [];
      if (frame.i < succ.length) {
        const w = succ[frame.i];
        frame.i += 1;
        if (!index.has(w)) work.push({ id: w, i: 0 });
        else if (onStack.has(w)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!));
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop() as string;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.id);
        out.push(component);
      }
    }
  }
  return out;
}
