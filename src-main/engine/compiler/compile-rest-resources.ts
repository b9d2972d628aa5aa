import type { FlowNode } from '@shared/flow/document';
import type { RestResource } from '@shared/flow/kinds/services';
import { RESOURCE_ID_PARAM, collectionPath } from '@shared/flow/rest-resource-routes';
import { compileTemplate, type CompiledTemplate } from '../template/payload-template';

/** A CRUD resource of a REST service, checked: its seed renders to a JSON array of objects. */
export interface CompiledRestResource {
  resource: RestResource;
  seed: CompiledTemplate;
}

/**
 * Checks a REST service's resources: one resource per collection path, path parameters
 * that are names (and not the item id's own), a seed that renders to a JSON array of objects.
 * Problems go to `at` with the field they are about.
 */
export function compileRestResources(
  node: FlowNode<'restService'>,
  at: (node: FlowNode, field: string, message: string) => void,
): CompiledRestResource[] {
  const out: CompiledRestResource[] = [];
  const seen = new Set<string>();
  (node.config.resources ?? []).forEach((resource, i) => {
    const where = `resources[${i}]`;
    const path = collectionPath(resource.path);
    if (seen.has(path)) at(node, `${where}.path`, `serves ${path} a second time; keep one resource per path`);
    seen.add(path);
    for (const segment of path.split('/').filter((s) => s.startsWith(':'))) {
      const param = segment.slice(1);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(param))
        at(node, `${where}.path`, `parameter "${segment}" must be ":" followed by a name`);
      else if (param === RESOURCE_ID_PARAM)
        at(
          node,
          `${where}.path`,
          `":${RESOURCE_ID_PARAM}" names the item id; call the parameter something else`,
        );
    }
    let seed: CompiledTemplate;
    try {
      seed = compileTemplate(resource.seed || '[]');
    } catch (err) {
      at(node, `${where}.seed`, (err as Error).message);
      return;
    }
    const problem = seedProblem(seed.render(1));
    if (problem) at(node, `${where}.seed`, problem);
    else out.push({ resource, seed });
  });
  return out;
}

/** Why a rendered seed cannot fill a collection, or null when it can. */
export function seedProblem(rendered: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(rendered);
  } catch (err) {
    return `does not render to valid JSON (${(err as Error).message})`;
  }
  if (!Array.isArray(value)) return 'must render to a JSON array of items, e.g. [{"id": 1}]';
  const bad = value.findIndex((v) => !v || typeof v !== 'object' || Array.isArray(v));
  return bad >= 0 ? `item ${bad + 1} is not a JSON object` : null;
}
