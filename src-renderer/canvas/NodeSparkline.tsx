import { useEffect, useRef, type ReactElement } from 'react';
import { registerSparkline } from './sparklines';

/** The last minute of a node's rate, drawn by the sparkline registry (not by React). */
export function NodeSparkline({ nodeId }: { nodeId: string }): ReactElement {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => (ref.current ? registerSparkline(nodeId, ref.current) : undefined), [nodeId]);
  return (
    <canvas
      ref={ref}
      className="fb-node__spark"
      data-testid="node-sparkline"
      role="img"
      aria-label="Rate over the last minute"
    />
  );
}
