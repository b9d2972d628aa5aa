import type { SourceError, TemplatePreviewResult } from '@shared/api/contract';
import { api, errorText } from '../app/api-holder';

/** The kinds of source an editor checks through `schema.check`. */
export type SchemaKind = 'proto' | 'graphql';

/** Renders a template with the engine's own template engine; failures come back as results. */
export async function loadPreview(input: { template: string; seq: number }): Promise<TemplatePreviewResult> {
  try {
    return await api()['template.preview'](input);
  } catch (err) {
    return { ok: false, error: errorText(err) };
  }
}

/** Checks .proto or GraphQL source in the engine; a failed request is one error at line 1. */
export async function loadSchemaErrors(input: { kind: SchemaKind; source: string }): Promise<SourceError[]> {
  try {
    return (await api()['schema.check'](input)).errors;
  } catch (err) {
    return [{ line: 1, message: `could not check: ${errorText(err)}` }];
  }
}
