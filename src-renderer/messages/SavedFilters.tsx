import { useEffect, useState, type ReactElement } from 'react';
import { useMessagesStore } from './messages-store';
import { deleteSavedFilter, loadSavedFilters, restoreFilter, saveCurrentFilter } from './saved-filters-feed';

/** Save the filter in force under a name, and restore or delete saved ones. */
export function SavedFilters(): ReactElement {
  const saved = useMessagesStore((s) => s.savedFilters);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void loadSavedFilters(), []);

  const save = async (): Promise<void> => {
    const problem = await saveCurrentFilter(name);
    setError(problem);
    if (!problem) {
      setNaming(false);
      setName('');
    }
  };

  return (
    <span className="fb-mfilter__saved">
      <select
        className="fb-input"
        aria-label="Saved filters"
        value=""
        onChange={(e) => e.target.value && restoreFilter(e.target.value)}
      >
        <option value="">{saved.length ? 'Saved filters…' : 'No saved filters'}</option>
        {saved.map((f) => (
          <option key={f.name} value={f.name}>
            {f.name}
          </option>
        ))}
      </select>
      {naming ? (
        <>
          <input
            className="fb-input"
            aria-label="Filter name"
            placeholder="name"
            value={name}
            autoFocus
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void save();
              } else if (e.key === 'Escape') setNaming(false);
            }}
          />
          <button type="button" className="fb-btn fb-btn--small" onClick={() => void save()}>
            Save
          </button>
        </>
      ) : (
        <button type="button" className="fb-btn fb-btn--ghost fb-btn--small" onClick={() => setNaming(true)}>
          Save filter…
        </button>
      )}
      {saved.length > 0 && !naming && (
        <select
          className="fb-input"
          aria-label="Delete a saved filter"
          value=""
          onChange={(e) => e.target.value && void deleteSavedFilter(e.target.value)}
        >
          <option value="">Delete…</option>
          {saved.map((f) => (
            <option key={f.name} value={f.name}>
              {f.name}
            </option>
          ))}
        </select>
      )}
      {error && (
        <span role="alert" className="fb-error-text">
          {error}
        </span>
      )}
    </span>
  );
}
