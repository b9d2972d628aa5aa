import type { ReactElement } from 'react';
import { openTrace } from './trace-store';

/** Opens a message's whole trace (waterfall, sequence, path on the canvas) in the Trace tab. */
export function OpenTraceButton({ traceId }: { traceId: string }): ReactElement {
  return (
    <button type="button" className="fb-btn fb-btn--small" onClick={() => void openTrace(traceId)}>
      Open trace
    </button>
  );
}
