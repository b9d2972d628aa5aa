import { useEffect, useState, type ReactElement } from 'react';
import type { FileEntry } from '@shared/api/contract';
import { api, errorText } from '../app/api-holder';
import { Dialog } from '../app/Dialog';
import './files.css';

interface Props {
  resolve(path: string | null): void;
}

/** Browser mode's Open: the flow files of the workspace folder, newest first. */
export function OpenFileDialog({ resolve }: Props): ReactElement {
  const [listing, setListing] = useState<{ dir: string; files: FileEntry[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const listFiles = api()['file.list'];
    listFiles({})
      .then((res) => {
        if (live)
          setListing({ dir: res.dir, files: [...res.files].sort((a, b) => b.modifiedAt - a.modifiedAt) });
      })
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, []);

  return (
    <Dialog
      title="Open flow"
      wide
      onCancel={() => resolve(null)}
      actions={
        <>
          <button type="button" className="fb-btn" onClick={() => resolve(null)}>
            Cancel
          </button>
          <button
            type="button"
            className="fb-btn fb-btn--primary"
            disabled={!chosen}
            onClick={() => resolve(chosen)}
          >
            Open
          </button>
        </>
      }
    >
      {listing && <p className="fb-files__dir">Files in {listing.dir}</p>}
      {error && (
        <p role="alert" className="fb-error-text">
          {error}
        </p>
      )}
      {!listing && !error && <p className="fb-muted">Loading…</p>}
      {listing && listing.files.length === 0 && (
        <p className="fb-muted">No flow files yet. Save a flow first.</p>
      )}
      {listing && listing.files.length > 0 && (
        <ul className="fb-files__list" role="listbox" aria-label="Flow files">
          {listing.files.map((f) => (
            <li
              key={f.path}
              role="option"
              aria-selected={chosen === f.path}
              tabIndex={0}
              className="fb-files__item"
              onClick={() => setChosen(f.path)}
              onDoubleClick={() => resolve(f.path)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') resolve(f.path);
                if (e.key === ' ') setChosen(f.path);
              }}
            >
              <span className="fb-files__name">{f.name}</span>
              <span className="fb-files__time">{new Date(f.modifiedAt).toLocaleString()}</span>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
