import { memo, type ReactElement } from 'react';
import type { NodeCounters as Counters } from '@shared/run/counters';
import { shortCount } from './node-summary';

const FIELDS = [
  { field: 'sent', label: 'sent' },
  { field: 'received', label: 'recv' },
  { field: 'acked', label: 'acked' },
  { field: 'errors', label: 'errors' },
  { field: 'rate', label: 'msg/s' },
] as const;

/** The live counters of one node; `data-value` holds the exact number behind the short text. */
export const NodeCounters = memo(function NodeCounters({ counters }: { counters: Counters }): ReactElement {
  return (
    <dl className="fb-node__counters" aria-label="Live counters">
      {FIELDS.map(({ field, label }) => (
        <div
          key={field}
          className={`fb-counter${field === 'errors' && counters.errors > 0 ? ' fb-counter--bad' : ''}`}
        >
          <dt className="fb-counter__label">{label}</dt>
          <dd className="fb-counter__value" data-testid={`counter-${field}`} data-value={counters[field]}>
            {shortCount(counters[field])}
          </dd>
        </div>
      ))}
    </dl>
  );
});
