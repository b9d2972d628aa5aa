import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintFlow } from '@shared/flow/lint/lint-flow';
import { parseFlowValue, serializeFlow } from '@shared/flow/parse';
import { compileFlow } from '../../../src-main/engine/compiler/compile-flow';
import { unusedPort } from './brokers';

/** A template flow file as JSON, to adjust (ports, counts) before a test runs it. */
export interface TemplateDoc {
  version: number;
  name: string;
  nodes: Array<{ id: string; kind: string; config: Record<string, unknown> }>;
  edges: Array<{ id: string; source: string; target: string }>;
}

const DIR = join(__dirname, '../../../resources/templates');

/** The text of `resources/templates/<id>.flow.json`. */
export function templateText(id: string): string {
  return readFileSync(join(DIR, `${id}.flow.json`), 'utf8');
}

/**
 * Every problem the app would show for a template: parse problems, lint findings of any
 * severity, compile problems, and a file that is not exactly as the app would save it.
 */
export function templateProblems(id: string): string[] {
  const text = templateText(id);
  const parsed = parseFlowValue(JSON.parse(text));
  if (!parsed.ok) return parsed.problems.map((p) => `${p.path}: ${p.message}`);
  const problems = lintFlow(parsed.flow as Parameters<typeof lintFlow>[0]).map(
    (f) => `${f.severity} ${f.rule}: ${f.message}`,
  );
  const compiled = compileFlow(JSON.parse(text));
  if (!compiled.ok) problems.push(...compiled.problems.map((p) => `${p.path}: ${p.message}`));
  if (serializeFlow(parsed.flow) !== text)
    problems.push('the file is not as the app saves it (pretty, key-sorted)');
  return problems;
}

/** The template with every service on a free loopback port (so tests never collide). */
export async function templateOnFreePorts(id: string): Promise<TemplateDoc> {
  const doc = JSON.parse(templateText(id)) as TemplateDoc;
  for (const n of doc.nodes) if (typeof n.config.port === 'number') n.config.port = await unusedPort();
  return doc;
}

/** The node of a template by id (throws naming it when absent). */
export function nodeOf(doc: TemplateDoc, id: string): TemplateDoc['nodes'][number] {
  const node = doc.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`template "${doc.name}" has no node "${id}"`);
  return node;
}
