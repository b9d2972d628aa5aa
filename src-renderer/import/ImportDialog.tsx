import { useId, useState, type ReactElement } from 'react';
import type { ImportResult } from '@shared/api/import-requests';
import { errorText } from '../app/api-holder';
import { Dialog } from '../app/Dialog';
import { addImported, importDocumentText, openImported } from './import-actions';
import './import.css';

/** Where a broken document is broken, as a person reads it. */
function errorPlace(r: Extract<ImportResult, { ok: false }>): string {
  const { line, column, path } = r.error;
  const at = line ? `line ${line}${column ? `, column ${column}` : ''}` : '';
  return [at, path].filter(Boolean).join(' · ');
}

/**
 * File → Import…: an AsyncAPI (2.x, 3.x), OpenAPI 3 or .proto document, chosen as a file or
 * pasted; the engine maps it and this dialog shows what was mapped and skipped (or where the
 * document is broken) before the flow opens as a new unsaved flow or joins the current one.
 */
export function ImportDialog({ resolve }: { resolve(): void }): ReactElement {
  const id = useId();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const readFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
    setResult(null);
  };
  const runImport = async (): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      setResult(await importDocumentText(text, fileName));
    } catch (err) {
      setFailure(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const ok = result?.ok ? result : null;

  return (
    <Dialog
      title="Import"
      wide
      onCancel={resolve}
      actions={
        <>
          <button type="button" className="fb-btn" onClick={resolve}>
            Cancel
          </button>
          {ok ? (
            <>
              <button type="button" className="fb-btn" onClick={() => addImported(ok.text) && resolve()}>
                Add to current flow
              </button>
              <button
                type="button"
                className="fb-btn fb-btn--primary"
                onClick={() => void openImported(ok.text).then((done) => done && resolve())}
              >
                Open as new flow
              </button>
            </>
          ) : (
            <button
              type="button"
              className="fb-btn fb-btn--primary"
              disabled={busy || text.trim() === ''}
              onClick={() => void runImport()}
            >
              {busy ? 'Importing…' : 'Import'}
            </button>
          )}
        </>
      }
    >
      <div className="fb-import-form">
        <label className="fb-field__label" htmlFor={`${id}-file`}>
          AsyncAPI (YAML or JSON), OpenAPI 3 or .proto file
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".yaml,.yml,.json,.proto"
          className="fb-input"
          onChange={(e) => void readFile(e.target.files?.[0])}
        />
        <label className="fb-field__label" htmlFor={`${id}-text`}>
          or paste the document
        </label>
        <textarea
          id={`${id}-text`}
          className="fb-input fb-input--mono fb-import-form__text"
          value={text}
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            setResult(null);
          }}
        />
        {failure && <p className="fb-warn-text">Import failed: {failure}</p>}
        {result && !result.ok && (
          <div className="fb-import-report" role="alert">
            <p className="fb-warn-text">
              The document is broken{errorPlace(result) ? ` (${errorPlace(result)})` : ''}:{' '}
              {result.error.message}
            </p>
          </div>
        )}
        {ok && (
          <div className="fb-import-report" aria-label="Import report">
            <p>
              <strong>{ok.report.source}</strong>: {ok.report.mapped.length} mapped,{' '}
              {ok.report.skipped.length} skipped
            </p>
            <h3 className="fb-field__label">Mapped</h3>
            <ul className="fb-import-report__list" aria-label="Mapped">
              {ok.report.mapped.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {ok.report.skipped.length > 0 && (
              <>
                <h3 className="fb-field__label">Skipped</h3>
                <ul className="fb-import-report__list" aria-label="Skipped">
                  {ok.report.skipped.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </Dialog>
  );
}
