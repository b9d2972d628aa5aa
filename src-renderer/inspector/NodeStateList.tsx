import type { ReactElement } from 'react';
import { api } from '../app/api-holder';
import { useRunStore } from '../run/run-store';
import { useRunPolling } from '../run/useRunPolling';
import { entryText } from './node-state-view';
import './saga-instances.css';

const REFRESH_MS = 1000;
const SHOWN = 30;

/**
 * What a service keeps in its state steps during the current (or last) run, store by store,
 * e.g. the reservations an inventory service still holds. State belongs to the node's group
 * when it is in one (the service), else to the node.
 */
export function NodeStateList({ stateId }: { stateId: string }): ReactElement | null {
  const runId = useRunStore((s) => s.runId);
  const view = useRunPolling(
    runId ? stateId : null,
    () => api()['run.nodeState']({ nodeId: stateId }),
    REFRESH_MS,
  );
  const stores = view && view.nodeId === stateId ? Object.entries(view.stores) : [];
  if (stores.length === 0) return null;
  return (
    <section className="fb-sagas" aria-label="Service state">
      <h3 className="fb-sagas__title">State in this run</h3>
      {stores.map(([name, entries]) => (
        <details key={name} className="fb-sagas__row" data-store={name}>
          <summary>
            <code className="fb-sagas__id">{name}</code>
            <span className="fb-sagas__step">{entries.length} held</span>
          </summary>
          <ul className="fb-sagas__history">
            {entries.slice(-SHOWN).map((e) => (
              <li key={e.key}>{entryText(e)}</li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
