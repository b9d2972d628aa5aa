import type { ReactElement } from 'react';
import { enabledFaultCount } from './fault-targets';
import './fault-badge.css';

/** "⚡ 2 faults" on a node or edge whose faults are switched on; nothing otherwise. */
export function FaultBadge({
  faults,
  className = '',
}: {
  faults: unknown;
  className?: string;
}): ReactElement | null {
  const n = enabledFaultCount(faults);
  if (n === 0) return null;
  const text = n === 1 ? '1 fault' : `${n} faults`;
  return (
    <span
      className={`fb-fault-badge ${className}`.trim()}
      data-testid="fault-badge"
      title={`${text} injected`}
    >
      ⚡ {text}
    </span>
  );
}
