/// <reference types="vite/types/importMeta.d.ts" />
import { summarizeTemplate, templateName } from '@shared/patterns/template-summary';
import {
  TEMPLATE_ID_PATTERN,
  type TemplateDetail,
  type TemplateSummary,
} from '@shared/patterns/template-types';

/*
 * The template files are bundled into the main build (and read by vitest) through Vite's
 * import.meta.glob, as the sample flow is: nothing to locate on disk at run time, so the
 * desktop app, browser mode, the CLI and tests all see the same set.
 */
const FLOWS = import.meta.glob<string>('../../../resources/templates/*.flow.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const EXPLANATIONS = import.meta.glob<string>('../../../resources/templates/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const idOf = (path: string, suffix: string): string => path.slice(path.lastIndexOf('/') + 1, -suffix.length);

/** Every bundled template's files by id (kebab-case ids only), in id order. */
export function templateFiles(): Array<{ id: string; text: string; explanation: string }> {
  const explanations = new Map(Object.entries(EXPLANATIONS).map(([p, md]) => [idOf(p, '.md'), md]));
  return Object.entries(FLOWS)
    .map(([path, text]) => {
      const id = idOf(path, '.flow.json');
      return { id, text, explanation: explanations.get(id) ?? `# ${id}\n` };
    })
    .filter((t) => TEMPLATE_ID_PATTERN.test(t.id))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The gallery's cards, in id order. A template whose flow does not parse is left out and
 * named on stderr (the templates test fails on it before it ships).
 */
export function listTemplates(): TemplateSummary[] {
  const out: TemplateSummary[] = [];
  for (const t of templateFiles()) {
    try {
      out.push(summarizeTemplate(t.id, t.text, t.explanation));
    } catch (err) {
      console.error(`[flowbench] ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return out;
}

/** One template's flow text and explanation; throws naming the id when there is none. */
export function getTemplate(id: string): TemplateDetail {
  const t = templateFiles().find((f) => f.id === id);
  if (!t) throw new Error(`no template "${id}"`);
  return { ...t, name: templateName(id, t.explanation) };
}
