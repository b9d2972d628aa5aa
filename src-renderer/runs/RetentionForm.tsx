import { useState, type FormEvent, type ReactElement } from 'react';
import type { RetentionPolicy } from '@shared/api/runs-requests';
import { errorText } from '../app/api-holder';
import { saveRetention, useRunsStore } from './runs-store';

const asNumber = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

/** The retention setting: keep the last N runs, runs younger than D days, a database under M MB. */
export function RetentionForm(): ReactElement {
  const stored = useRunsStore((s) => s.retention);
  // Keyed by the stored policy, so the fields start over whenever the engine's value changes.
  return <RetentionFields key={JSON.stringify(stored)} stored={stored} />;
}

function RetentionFields({ stored }: { stored: RetentionPolicy }): ReactElement {
  const [keepRuns, setKeepRuns] = useState(stored.keepRuns?.toString() ?? '');
  const [maxAgeDays, setMaxAgeDays] = useState(stored.maxAgeDays?.toString() ?? '');
  const [maxMb, setMaxMb] = useState(stored.maxMb?.toString() ?? '');
  const [note, setNote] = useState<string | null>(null);
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    const policy: RetentionPolicy = {};
    const k = asNumber(keepRuns);
    const d = asNumber(maxAgeDays);
    const m = asNumber(maxMb);
    if (k !== undefined) policy.keepRuns = k;
    if (d !== undefined) policy.maxAgeDays = d;
    if (m !== undefined) policy.maxMb = m;
    saveRetention(policy)
      .then((deleted) =>
        setNote(deleted.length > 0 ? `Saved; ${deleted.length} old runs deleted.` : 'Saved.'),
      )
      .catch((err: unknown) => setNote(errorText(err)));
  };
  return (
    <form className="fb-retention" onSubmit={onSubmit} aria-label="Retention">
      <strong>Keep</strong>
      <label>
        last{' '}
        <input
          aria-label="Keep last runs"
          inputMode="numeric"
          value={keepRuns}
          onChange={(e) => setKeepRuns(e.target.value)}
          size={4}
        />{' '}
        runs
      </label>
      <label>
        younger than{' '}
        <input
          aria-label="Max age in days"
          value={maxAgeDays}
          onChange={(e) => setMaxAgeDays(e.target.value)}
          size={4}
        />{' '}
        days
      </label>
      <label>
        under{' '}
        <input
          aria-label="Max database MB"
          value={maxMb}
          onChange={(e) => setMaxMb(e.target.value)}
          size={5}
        />{' '}
        MB
      </label>
      <button type="submit" className="fb-btn">
        Save
      </button>
      {note && (
        <span className="fb-muted" role="status">
          {note}
        </span>
      )}
    </form>
  );
}
