import type { ReactElement } from 'react';
import { CodeEditor, type CodeEditorProps } from './CodeEditor';
import { editorKindFor } from './field-editors';
import { SchemaEditor } from './SchemaEditor';
import { TemplateEditor } from './TemplateEditor';

interface FieldEditorProps extends CodeEditorProps {
  /** The config field's path, e.g. `payload`, `proto`, `responses.SayHello`. */
  fieldPath: string;
}

/**
 * The code editor of an inspector field (see `editorKindFor`); other long text gets the
 * plain code editor. The inspector passes its label wiring (`id`, aria) so the label
 * still names the editor.
 */
export function FieldEditor({ fieldPath, ...props }: FieldEditorProps): ReactElement {
  const kind = editorKindFor(fieldPath);
  if (kind === 'template') return <TemplateEditor {...props} />;
  if (kind === 'proto' || kind === 'graphql') return <SchemaEditor kind={kind} {...props} />;
  return <CodeEditor {...props} />;
}
