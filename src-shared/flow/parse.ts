import type { z } from 'zod';
import {
  FLOW_FORMAT_VERSION,
  rawFlowSchema,
  type FlowDocument,
  type FlowNode,
  type FlowProblem,
} from './document';
import { assertionProblems } from './assertions';
import { edgeProblems, groupProblems, parentsFirst } from './parse-graph';
import { compactEdgeConfig } from './edge-config';
import { migrateFlow } from './migrations';
import { nodeConfigSchemas, type NodeKind } from './node-kinds';
import { formatPath } from './problems';

/** A parsed flow (and the version it migrated from), or every problem found. */
export type FlowParseResult =
  { ok: true; flow: FlowDocument; migratedFrom?: number } | { ok: false; problems: FlowProblem[] };

/** Parses the text of a `*.flow.json` file. Never throws. */
export function parseFlowText(text: string): FlowParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return fail('', `the file is not valid JSON (${(err as Error).message})`);
  }
  return parseFlowValue(raw);
}

/** Validates an already-decoded flow document: format version, node configs, edges. */
export function parseFlowValue(raw: unknown): FlowParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('', 'a flow file must be a JSON object');
  }
  const obj = raw as Record<string, unknown>;
  if (typeof obj.version !== 'number' || !Number.isInteger(obj.version) || obj.version < 1) {
    return fail('version', 'is missing or not a positive whole number: this is not a Flowbench flow file');
  }
  if (obj.version > FLOW_FORMAT_VERSION) {
    return fail(
      'version',
      `is ${obj.version}, made by a newer Flowbench; this version reads format ${FLOW_FORMAT_VERSION} and older. Update Flowbench to open it.`,
    );
  }
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateFlow(obj);
  } catch (err) {
    return fail('version', (err as Error).message);
  }

  const shape = rawFlowSchema.safeParse(migrated);
  if (!shape.success) return { ok: false, problems: zodProblems(shape.error, migrated) };

  const problems: FlowProblem[] = [];
  const nodes: FlowNode[] = [];
  const seen = new Set<string>();
  shape.data.nodes.forEach((node, i) => {
    if (seen.has(node.id)) {
      problems.push({
        path: `nodes[${i}].id`,
        nodeId: node.id,
        message: `"${node.id}" is used by another node`,
      });
    }
    seen.add(node.id);
    const schema = nodeConfigSchemas[node.kind];
    const cfg = schema.safeParse(node.config);
    if (!cfg.success) {
      for (const issue of cfg.error.issues) {
        problems.push({
          path: formatPath(['nodes', i, 'config', ...issue.path]),
          nodeId: node.id,
          field: formatPath(issue.path),
          message: issueMessage(issue, node.config),
        });
      }
      return;
    }
    nodes.push({ ...node, config: cfg.data } as FlowNode);
  });

  problems.push(...groupProblems(shape.data.nodes));
  problems.push(...edgeProblems(shape.data.nodes, shape.data.edges));
  if (shape.data.assertions) problems.push(...assertionProblems(shape.data.assertions, shape.data.nodes));

  if (problems.length > 0) return { ok: false, problems };
  const flow: FlowDocument = {
    version: FLOW_FORMAT_VERSION,
    name: shape.data.name,
    nodes: parentsFirst(nodes),
    edges: shape.data.edges,
  };
  if (shape.data.assertions && shape.data.assertions.length > 0) flow.assertions = shape.data.assertions;
  return obj.version < FLOW_FORMAT_VERSION
    ? { ok: true, flow, migratedFrom: obj.version }
    : { ok: true, flow };
}

/** Validates one node's config, for the inspector's inline errors. */
export function validateNodeConfig(
  kind: NodeKind,
  config: unknown,
): { ok: true; config: unknown } | { ok: false; errors: Record<string, string> } {
  const res = nodeConfigSchemas[kind].safeParse(config);
  if (res.success) return { ok: true, config: res.data };
  const errors: Record<string, string> = {};
  for (const issue of res.error.issues) {
    const key = formatPath(issue.path);
    errors[key] ??= issueMessage(issue, config);
  }
  return { ok: false, errors };
}

function fail(path: string, message: string): FlowParseResult {
  return { ok: false, problems: [{ path, message }] };
}

function zodProblems(error: z.ZodError, raw: Record<string, unknown>): FlowProblem[] {
  return error.issues.map((issue) => {
    const problem: FlowProblem = { path: formatPath(issue.path), message: issueMessage(issue, raw) };
    if (issue.path[0] === 'nodes' && typeof issue.path[1] === 'number') {
      const node = (raw.nodes as Array<{ id?: unknown }> | undefined)?.[issue.path[1]];
      if (node && typeof node.id === 'string') problem.nodeId = node.id;
    }
    return problem;
  });
}

/** Turns zod's wording into ours: a missing value says "is required". */
function issueMessage(issue: z.core.$ZodIssue, root: unknown): string {
  if (issue.code === 'invalid_type' && valueAt(root, issue.path) === undefined) return 'is required';
  // zod reports a fractional number as an `int` type issue; say it in words.
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'must be a whole number';
  if (issue.code === 'invalid_type') return `must be a ${issue.expected}`;
  return issue.message;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** Serializes a flow as pretty, stable-ordered JSON (so two versions diff cleanly). */
export function serializeFlow(flow: FlowDocument): string {
  const doc = {
    version: FLOW_FORMAT_VERSION,
    name: flow.name,
    nodes: parentsFirst(flow.nodes).map((n) => {
      const out: Record<string, unknown> = {
        id: n.id,
        kind: n.kind,
        position: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
      };
      if (n.parentId) out.parentId = n.parentId;
      out.config = sortKeys(n.config);
      return out;
    }),
    edges: flow.edges.map((e) => {
      const out: Record<string, unknown> = { id: e.id, source: e.source, target: e.target };
      if (e.sourceHandle) out.sourceHandle = e.sourceHandle;
      if (e.targetHandle) out.targetHandle = e.targetHandle;
      const config = compactEdgeConfig(e.config);
      if (config) out.config = sortKeys(config);
      return out;
    }),
    // In the order written (they read as a checklist); keys sorted like the rest.
    ...(flow.assertions && flow.assertions.length > 0 ? { assertions: flow.assertions.map(sortKeys) } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
