import { useId, useState, type ReactElement } from 'react';
import type { SourceError, TemplatePreviewResult } from '@shared/api/contract';
import { CodeEditor, type CodeEditorProps } from './CodeEditor';
import { loadPreview } from './editor-requests';
import { useDebouncedResult } from './useDebouncedResult';
import './editors.css';

type TemplateEditorProps = Omit<CodeEditorProps, 'errors'>;

/**
 * A JSON message template with a live preview below: the engine renders it exactly as a
 * run would (message number `seq`), shown pretty-printed; errors mark their line.
 */
export function TemplateEditor({ value, ...props }: TemplateEditorProps): ReactElement {
  const [seq, setSeq] = useState(1);
  const { result, stale } = useDebouncedResult({ template: value, seq }, `${seq}\n${value}`, loadPreview);
  const previewId = useId();
  return (
    <div className="fb-editor" data-testid="template-editor">
      <CodeEditor {...props} value={value} errors={result ? errorsOf(result) : []} rows={props.rows ?? 6} />
      <section className="fb-preview" aria-labelledby={previewId} data-stale={stale || undefined}>
        <header className="fb-preview__bar">
          <span id={previewId} className="fb-preview__title">
            Preview · message #{seq}
          </span>
          <button
            type="button"
            className="fb-btn fb-btn--small fb-btn--ghost"
            title="Render the next message (new {{seq}}, fresh random values)"
            onClick={() => setSeq((n) => n + 1)}
          >
            Next message
          </button>
        </header>
        <PreviewBody result={result} />
      </section>
    </div>
  );
}

function PreviewBody({ result }: { result: TemplatePreviewResult | null }): ReactElement {
  if (!result) return <p className="fb-preview__note">Rendering…</p>;
  if (!result.ok) {
    return (
      <p className="fb-preview__note fb-preview__note--error" data-testid="template-preview-error">
        Cannot render this template: {result.error}
      </p>
    );
  }
  // Text only: a payload is data, never markup.
  const shown = result.json !== undefined ? JSON.stringify(result.json, null, 2) : result.text;
  return (
    <>
      {result.jsonError && (
        <p className="fb-preview__note fb-preview__note--warn">
          Not valid JSON, so a run refuses it (line {result.jsonError.line}). Rendered text:
        </p>
      )}
      <pre className="fb-preview__text" data-testid="template-preview" tabIndex={0}>
        {shown}
      </pre>
    </>
  );
}

function errorsOf(result: TemplatePreviewResult): SourceError[] {
  if (!result.ok) {
    return result.line ? [{ line: result.line, column: result.column, message: result.error }] : [];
  }
  if (result.jsonError) {
    return [{ ...result.jsonError, message: `not valid JSON: ${result.jsonError.message}` }];
  }
  return [];
}
