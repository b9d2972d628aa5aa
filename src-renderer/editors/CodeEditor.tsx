import { useMemo, useRef, type ReactElement } from 'react';
import type { SourceError } from '@shared/api/contract';
import { lineCount, lineRange } from './text-lines';
import './code-editor.css';

/** Must match `--fb-code-line` in code-editor.css: markers are placed by line × this. */
const LINE_PX = 18;

export interface CodeEditorProps {
  id?: string;
  value: string;
  onChange(value: string): void;
  /** Problems to mark in the gutter and list under the editor, by 1-based line. */
  errors?: SourceError[];
  rows?: number;
  'aria-label'?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * A plain textarea with line numbers and error markers: no editor dependency, so it stays
 * light and keyboard-native (Tab leaves the field as in any form). Lines never wrap, so
 * line N of the text is line N of the gutter; layers follow the textarea's scroll.
 */
export function CodeEditor({
  id,
  value,
  onChange,
  errors = [],
  rows = 8,
  ...aria
}: CodeEditorProps): ReactElement {
  const text = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const marks = useRef<HTMLDivElement>(null);
  const lines = lineCount(value);
  const numbers = useMemo(() => Array.from({ length: lines }, (_, i) => i + 1).join('\n'), [lines]);
  const errorLines = useMemo(() => [...new Set(errors.map((e) => Math.min(e.line, lines)))], [errors, lines]);
  const listId = id ? `${id}-problems` : undefined;
  const describedBy = [aria['aria-describedby'], errors.length ? listId : ''].filter(Boolean).join(' ');

  const followScroll = (): void => {
    const el = text.current;
    if (!el) return;
    const shift = `translate(${-el.scrollLeft}px, ${-el.scrollTop}px)`;
    if (gutter.current) gutter.current.style.transform = `translateY(${-el.scrollTop}px)`;
    if (marks.current) marks.current.style.transform = shift;
  };

  const goTo = (line: number): void => {
    const el = text.current;
    if (!el) return;
    const [start, end] = lineRange(value, line);
    el.focus();
    el.setSelectionRange(start, end);
    el.scrollTop = Math.max(0, (line - 3) * LINE_PX);
    followScroll();
  };

  return (
    <div className="fb-code">
      <div className="fb-code__frame" style={{ height: rows * LINE_PX + 14 }}>
        <div className="fb-code__gutter" aria-hidden="true">
          <div ref={gutter} className="fb-code__gutter-inner">
            {errorLines.map((line) => (
              <span key={line} className="fb-code__gutter-mark" style={{ top: (line - 1) * LINE_PX }} />
            ))}
            <pre className="fb-code__numbers">{numbers}</pre>
          </div>
        </div>
        <div className="fb-code__main">
          <div ref={marks} className="fb-code__marks" aria-hidden="true">
            {errorLines.map((line) => (
              <span key={line} className="fb-code__line-mark" style={{ top: (line - 1) * LINE_PX }} />
            ))}
          </div>
          <textarea
            ref={text}
            id={id}
            className="fb-code__text"
            value={value}
            wrap="off"
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            aria-label={aria['aria-label']}
            aria-invalid={aria['aria-invalid'] || errors.length > 0 || undefined}
            aria-describedby={describedBy || undefined}
            onChange={(e) => onChange(e.target.value)}
            onScroll={followScroll}
          />
        </div>
      </div>
      {errors.length > 0 && (
        <ul id={listId} className="fb-code__problems" aria-label="Problems in this field">
          {errors.map((e, i) => (
            <li key={i}>
              <button
                type="button"
                className="fb-code__problem"
                data-testid="editor-error"
                data-line={e.line}
                onClick={() => goTo(e.line)}
              >
                <span className="fb-code__problem-at">
                  Line {e.line}
                  {e.column ? `:${e.column}` : ''}
                </span>{' '}
                {e.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
