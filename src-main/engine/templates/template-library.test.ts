import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFlowText, serializeFlow } from '@shared/flow/parse';
import { RESULTS } from '@shared/patterns/decision-tree';
import { templateProblems } from '@shared/patterns/template-summary';
import { compileFlow } from '../compiler/compile-flow';
import { getTemplate, listTemplates, templateFiles } from './template-library';

const DIR = join(__dirname, '../../../resources/templates');
const onDisk = readdirSync(DIR)
  .filter((f) => f.endsWith('.flow.json'))
  .map((f) => f.slice(0, -'.flow.json'.length))
  .sort();

describe('the template library', () => {
  it('bundles every resources/templates/*.flow.json, and the gallery lists each one', () => {
    expect(onDisk.length).toBeGreaterThan(0);
    expect(templateFiles().map((t) => t.id)).toEqual(onDisk);
    expect(listTemplates().map((t) => t.id)).toEqual(onDisk);
  });

  it('has the template of every pattern the chooser can recommend', () => {
    const recommended = Object.values(RESULTS).flatMap((r) => (r.templateId ? [r.templateId] : []));
    expect(recommended.filter((id) => !onDisk.includes(id))).toEqual([]);
  });

  it('refuses an id it does not have, naming it', () => {
    expect(() => getTemplate('no-such-pattern')).toThrow('no template "no-such-pattern"');
  });
});

// One block per template file, so a helper's new template is checked as soon as it lands.
describe.each(onDisk)('template %s', (id) => {
  const t = getTemplate(id);

  it('has a kebab-case id and an explanation with the agreed sections', () => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const lines = t.explanation.split('\n');
    expect(lines[0]).toMatch(/^# \S/);
    for (const section of ['## When to use', '## Trade-offs', '## What this template shows'])
      expect(lines, `${id}.md has "${section}"`).toContain(section);
    expect(listTemplates().find((s) => s.id === id)?.summary.length).toBeGreaterThan(10);
  });

  it('opens with no validation problems and compiles for a run', () => {
    expect(templateProblems(t.text)).toEqual([]);
    const compiled = compileFlow(JSON.parse(t.text));
    expect(compiled.ok ? [] : compiled.problems).toEqual([]);
  });

  it('is written exactly as the app saves it (current format, sorted keys)', () => {
    const parsed = parseFlowText(t.text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.migratedFrom).toBeUndefined();
    expect(t.text).toBe(serializeFlow(parsed.flow));
  });
});
