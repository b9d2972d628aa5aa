import type { ReactElement } from 'react';
import { lineDiff, type DiffLine } from '@shared/replay/line-diff';

/** Pretty JSON when the text is JSON, so edits and the diff read line by line. */
export function readable(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The payload and headers of the message to send, editable, with a diff against the original. */
export function ReplayEditor(props: {
  originalPayload: string;
  originalHeaders: string;
  payload: string;
  headers: string;
  headersError: string | null;
  onPayload(text: string): void;
  onHeaders(text: string): void;
}): ReactElement {
  const payloadDiff = lineDiff(props.originalPayload, props.payload);
  const headersDiff = lineDiff(props.originalHeaders, props.headers);
  return (
    <div className="fb-replay__editor">
      <label className="fb-replay__field">
        Payload
        <textarea
          aria-label="Payload to send"
          className="fb-replay__text"
          rows={7}
          spellCheck={false}
          value={props.payload}
          onChange={(e) => props.onPayload(e.target.value)}
        />
      </label>
      <label className="fb-replay__field">
        Headers (JSON object)
        <textarea
          aria-label="Headers to send"
          className="fb-replay__text"
          rows={3}
          spellCheck={false}
          value={props.headers}
          onChange={(e) => props.onHeaders(e.target.value)}
        />
      </label>
      {props.headersError && (
        <p role="alert" className="fb-error-text">
          {props.headersError}
        </p>
      )}
      <Diff title="Payload changes" diff={payloadDiff} />
      <Diff title="Header changes" diff={headersDiff} />
    </div>
  );
}

function Diff({ title, diff }: { title: string; diff: DiffLine[] }): ReactElement | null {
  if (!diff.some((l) => l.op !== ' ')) return null;
  return (
    <section aria-label={title}>
      <h4 className="fb-replay__h">{title}</h4>
      <pre className="fb-replay__diff">
        {diff.map((l, i) => (
          <div key={i} className={`fb-replay__diff-${l.op === '+' ? 'add' : l.op === '-' ? 'del' : 'same'}`}>
            {l.op} {l.text}
          </div>
        ))}
      </pre>
    </section>
  );
}
