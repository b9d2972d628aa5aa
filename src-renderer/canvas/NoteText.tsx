import { memo, useMemo, type ReactElement } from 'react';
import { parseNote, type Inline } from './note-markdown';

function Runs({ runs }: { runs: Inline[] }): ReactElement {
  return (
    <>
      {runs.map((r, i) =>
        r.type === 'strong' ? (
          <strong key={i}>{r.text}</strong>
        ) : r.type === 'em' ? (
          <em key={i}>{r.text}</em>
        ) : r.type === 'code' ? (
          <code key={i}>{r.text}</code>
        ) : (
          <span key={i}>{r.text}</span>
        ),
      )}
    </>
  );
}

/** A note's Markdown as React elements (text only: no HTML is ever interpreted). */
export const NoteText = memo(function NoteText({ text }: { text: string }): ReactElement {
  const blocks = useMemo(() => parseNote(text), [text]);
  return (
    <div className="fb-note__text">
      {blocks.map((b, i) => {
        if (b.type === 'heading') {
          const H = `h${b.level + 2}` as 'h3' | 'h4' | 'h5';
          return (
            <H key={i} className="fb-note__heading">
              <Runs runs={b.content} />
            </H>
          );
        }
        if (b.type === 'list') {
          const L = b.ordered ? 'ol' : 'ul';
          return (
            <L key={i} className="fb-note__list">
              {b.items.map((item, j) => (
                <li key={j}>
                  <Runs runs={item} />
                </li>
              ))}
            </L>
          );
        }
        return (
          <p key={i} className="fb-note__para">
            {b.lines.map((line, j) => (
              <span key={j}>
                {j > 0 && <br />}
                <Runs runs={line} />
              </span>
            ))}
          </p>
        );
      })}
    </div>
  );
});
