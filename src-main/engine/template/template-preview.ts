import type { SourceError, TemplatePreviewResult } from '@shared/api/contract';
import { lineCount, positionAt } from '../schema/source-position';
import { compileTemplate, TemplateError } from './payload-template';

/**
 * Renders a template once with the same engine a run uses (so the preview is what a run
 * sends), as message number `seq`. Response templates see an empty `request`, as the
 * compiler's own check does. Never throws: every failure comes back with its line.
 */
export function previewTemplate(template: string, seq = 1): TemplatePreviewResult {
  let text: string;
  try {
    text = compileTemplate(template).render(seq, { request: {} });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof TemplateError && err.offset !== undefined) {
      return { ok: false, error: message, ...positionAt(template, err.offset) };
    }
    // A faker function can throw on its arguments while rendering.
    return { ok: false, error: message };
  }
  try {
    return { ok: true, text, json: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: true, text, jsonError: jsonErrorAt(template, text, (err as Error).message) };
  }
}

/**
 * Locates a JSON.parse error in the template. Rendered values never contain raw line
 * breaks (strings are JSON-escaped), so line N of the output is line N of the template;
 * the column is only reported when nothing on that line was substituted before it.
 */
function jsonErrorAt(template: string, text: string, message: string): SourceError {
  const cleaned = message.replace(/^JSON\.parse: /, '');
  const m = /at position (\d+)/.exec(message);
  if (!m) return { line: lineCount(template), message: cleaned };
  const { line, column } = positionAt(text, Number(m[1]));
  const templateLine = template.split('\n')[line - 1] ?? '';
  const renderedLine = text.split('\n')[line - 1] ?? '';
  const sameBefore = templateLine.slice(0, column) === renderedLine.slice(0, column);
  return sameBefore ? { line, column, message: cleaned } : { line, message: cleaned };
}
