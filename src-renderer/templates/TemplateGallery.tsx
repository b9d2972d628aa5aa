import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type { TemplateSummary } from '@shared/patterns/template-types';
import { api, errorText } from '../app/api-holder';
import { Dialog } from '../app/Dialog';
import { TemplatePreview } from './TemplatePreview';
import { choosePattern } from './template-actions';
import { matchesQuery } from './template-search';
import './templates.css';

interface Props {
  resolve(templateId: string | null): void;
}

/** New from template: a card per pattern template, with a search; choosing one opens it. */
export function TemplateGallery({ resolve }: Props): ReactElement {
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const list = api()['templates.list'];
    list({})
      .then((res) => live && setTemplates(res.templates))
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, []);

  const shown = useMemo(() => (templates ?? []).filter((t) => matchesQuery(t, query)), [templates, query]);

  return (
    <Dialog
      title="New from template"
      wide
      onCancel={() => resolve(null)}
      actions={
        <>
          <button
            type="button"
            className="fb-btn fb-btn--ghost fb-gallery__help"
            onClick={() => {
              resolve(null);
              void choosePattern();
            }}
          >
            Help me choose…
          </button>
          <button type="button" className="fb-btn" onClick={() => resolve(null)}>
            Cancel
          </button>
          <button
            type="button"
            className="fb-btn fb-btn--primary"
            disabled={!chosen || !shown.some((t) => t.id === chosen)}
            onClick={() => resolve(chosen)}
          >
            Open template
          </button>
        </>
      }
    >
      <input
        className="fb-input fb-gallery__search"
        type="search"
        placeholder="Search patterns, e.g. queue, saga, kafka"
        aria-label="Search templates"
        value={query}
        autoFocus
        onChange={(e) => setQuery(e.target.value)}
      />
      {error && (
        <p role="alert" className="fb-error-text">
          {error}
        </p>
      )}
      {!templates && !error && <p className="fb-muted">Loading…</p>}
      {templates && shown.length === 0 && (
        <p className="fb-muted">{templates.length === 0 ? 'No templates yet.' : 'No template matches.'}</p>
      )}
      {shown.length > 0 && (
        <ul className="fb-gallery__cards" role="listbox" aria-label="Templates">
          {shown.map((t) => (
            <li
              key={t.id}
              role="option"
              aria-label={t.name}
              aria-selected={chosen === t.id}
              data-template-id={t.id}
              tabIndex={0}
              className="fb-gallery__card"
              onClick={() => setChosen(t.id)}
              onDoubleClick={() => resolve(t.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') resolve(t.id);
                if (e.key === ' ') {
                  e.preventDefault();
                  setChosen(t.id);
                }
              }}
            >
              <TemplatePreview preview={t.preview} />
              <span className="fb-gallery__name">{t.name}</span>
              <span className="fb-gallery__summary">{t.summary}</span>
              <span
                className="fb-gallery__meta"
                title={t.kinds.map((k) => `${k.count} × ${k.label}`).join(', ')}
              >
                {t.nodeCount} node{t.nodeCount === 1 ? '' : 's'} · {t.families.join(', ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
