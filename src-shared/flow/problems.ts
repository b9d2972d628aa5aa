import type { FlowProblem } from './document';

/** Formats a zod-style path (['nodes', 3, 'config', 'topic']) as `nodes[3].config.topic`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** One line a user can act on, e.g. `nodes[3] "orders-producer": config.topic is required`. */
export function describeProblem(p: FlowProblem, nodeLabel?: string): string {
  const m = /^(nodes\[\d+\]|edges\[\d+\])\.?(.*)$/.exec(p.path);
  if (m) {
    const where = nodeLabel ? `${m[1]} "${nodeLabel}"` : m[1];
    return m[2] ? `${where}: ${m[2]} ${p.message}` : `${where}: ${p.message}`;
  }
  return p.path ? `${p.path}: ${p.message}` : p.message;
}
