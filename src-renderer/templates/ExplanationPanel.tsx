import type { ReactElement } from 'react';
import { NoteText } from '../canvas/NoteText';
import { useExplanationStore } from './explanation-store';
import { unwrapMarkdown } from './unwrap-markdown';
import './templates.css';

/** The explanation without its `# Title` line (the panel's header shows the name), unwrapped. */
function body(markdown: string): string {
  return unwrapMarkdown(markdown.replace(/^\s*#\s+[^\n]*\n/, ''));
}

/**
 * The pattern explanation of a flow opened from a template, over the canvas's top-right
 * corner. Rendered from Markdown as plain elements (NoteText): never HTML. Closed, it
 * leaves a small button that reopens it.
 */
export function ExplanationPanel(): ReactElement | null {
  const shown = useExplanationStore((s) => s.shown);
  const open = useExplanationStore((s) => s.open);
  const setOpen = useExplanationStore((s) => s.setOpen);
  if (!shown) return null;
  if (!open) {
    return (
      <button
        type="button"
        className="fb-btn fb-explanation__reopen"
        aria-label={`About this pattern: ${shown.name}`}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">ⓘ</span> {shown.name}
      </button>
    );
  }
  return (
    <aside className="fb-explanation" aria-label="About this pattern" data-template-id={shown.templateId}>
      <header className="fb-explanation__bar">
        <h2 className="fb-explanation__title">{shown.name}</h2>
        <button
          type="button"
          className="fb-btn fb-btn--ghost fb-explanation__close"
          aria-label="Close the explanation"
          title="Close (reopen it from the ⓘ button)"
          onClick={() => setOpen(false)}
        >
          ×
        </button>
      </header>
      <div className="fb-explanation__body">
        {shown.reasoning && (
          <section className="fb-explanation__why" aria-label="Why this pattern">
            <h3 className="fb-note__heading">Why this pattern</h3>
            <ol className="fb-note__list">
              {shown.reasoning.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
          </section>
        )}
        <NoteText text={body(shown.markdown)} />
      </div>
    </aside>
  );
}
