import { useEffect, useId, useState, type ReactElement } from 'react';
import { api } from '../app/api-holder';
import type { SaveAsChoice } from '../app/dialog-store';
import { Dialog } from '../app/Dialog';
import { withFlowExtension } from './file-names';
import './files.css';

interface Props {
  suggestedName: string;
  resolve(choice: SaveAsChoice | null): void;
}

/** Browser mode's Save As: a file name in the workspace folder. */
export function SaveAsDialog({ suggestedName, resolve }: Props): ReactElement {
  const [name, setName] = useState(suggestedName);
  const [existing, setExisting] = useState<Map<string, string>>(new Map());
  const inputId = useId();

  useEffect(() => {
    let live = true;
    // Only to warn before replacing a file; saving works without it.
    const listFiles = api()['file.list'];
    listFiles({})
      .then((res) => live && setExisting(new Map(res.files.map((f) => [f.name, f.path]))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const trimmed = name.trim();
  const invalid = trimmed === '' || /[\\/]/.test(trimmed) || trimmed.startsWith('.');
  const replacePath = invalid ? null : (existing.get(withFlowExtension(trimmed)) ?? null);
  const submit = (): void => {
    if (!invalid) resolve({ name: trimmed, replacePath });
  };

  return (
    <Dialog
      title="Save flow as"
      onCancel={() => resolve(null)}
      actions={
        <>
          <button type="button" className="fb-btn" onClick={() => resolve(null)}>
            Cancel
          </button>
          <button type="button" className="fb-btn fb-btn--primary" disabled={invalid} onClick={submit}>
            {replacePath ? 'Replace' : 'Save'}
          </button>
        </>
      }
    >
      <label className="fb-field__label" htmlFor={inputId}>
        File name
      </label>
      <input
        id={inputId}
        className="fb-input"
        value={name}
        autoFocus
        spellCheck={false}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && submit()}
      />
      {invalid && trimmed !== '' && (
        <p role="alert" className="fb-error-text">
          A file name cannot contain “/” or “\” or start with “.”.
        </p>
      )}
      {!invalid && (
        <p className="fb-field__hint">
          Saved as <strong>{withFlowExtension(trimmed)}</strong> in the workspace flows folder.
        </p>
      )}
      {replacePath && <p className="fb-warn-text">A file with this name exists; it will be replaced.</p>}
    </Dialog>
  );
}
