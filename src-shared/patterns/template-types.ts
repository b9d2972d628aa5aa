import type { NodeFamily } from '../flow/node-catalog';

/**
 * Templates (issue 5): `resources/templates/<id>.flow.json` is a flow exactly as the app
 * saves it and `<id>.md` explains the pattern (first line `# <Pattern name>`, then a short
 * paragraph, then `## When to use`, `## Trade-offs` and `## What this template shows`).
 */

/** A template id: kebab-case, the file name without `.flow.json`. */
export const TEMPLATE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One node of a template's thumbnail: where it sits (absolute) and its kind's colour. */
export interface PreviewNode {
  x: number;
  y: number;
  color: string;
}

/** What the gallery shows on a template's card; the flow text is fetched when one is chosen. */
export interface TemplateSummary {
  id: string;
  /** The pattern's name, from the explanation's `# ` heading. */
  name: string;
  /** The first sentence of the explanation's opening paragraph. */
  summary: string;
  nodeCount: number;
  /** Palette families of its nodes (groups and notes left out), in palette order. */
  families: NodeFamily[];
  /** Node kind labels with how many of each, e.g. "2 × Consumer". */
  kinds: Array<{ label: string; count: number }>;
  preview: { nodes: PreviewNode[]; edges: Array<[number, number]> };
}

/** A template as the app opens it: the flow file's text and its explanation (Markdown). */
export interface TemplateDetail {
  id: string;
  name: string;
  text: string;
  explanation: string;
}
