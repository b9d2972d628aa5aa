import type { ReactElement } from 'react';
import { CodeEditor, type CodeEditorProps } from './CodeEditor';
import { loadSchemaErrors, type SchemaKind } from './editor-requests';
import { useDebouncedResult } from './useDebouncedResult';

interface SchemaEditorProps extends Omit<CodeEditorProps, 'errors'> {
  kind: SchemaKind;
}

/** A .proto or GraphQL editor whose parse errors, checked by the engine, show at their line. */
export function SchemaEditor({ kind, value, ...props }: SchemaEditorProps): ReactElement {
  const { result, stale } = useDebouncedResult(
    { kind, source: value },
    `${kind}\n${value}`,
    loadSchemaErrors,
  );
  return (
    <div className="fb-editor" data-testid={`${kind}-editor`} data-checking={stale || undefined}>
      <CodeEditor {...props} value={value} errors={result ?? []} rows={props.rows ?? 12} />
    </div>
  );
}
