import { useEffect, useState, type ReactElement } from 'react';
import type { NodeStateView } from '@shared/run/node-state';
import { api } from '../app/api-holder';
import { isRunActive, useRunStore } from '../run/run-store';
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
  const [view, setView] = useState<NodeStateView | null>(null);
  const active = useRunStore((s) => isRunActive(s.state));
  const runId = useRunStore((s) => s.runId);
  useEffect(() => {
    if (!runId) return;
    let live = true;
    const load = (): void => {
      const request = api()['run.nodeState'];
      request({ nodeId: stateId })
        .then((v) => {
          if (live) setView(v);
        })
        .catch(() => {
          // The next refresh tries again.
        });
    };
    load();
    const timer = active ? setInterval(load, REFRESH_MS) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [stateId, active, runId]);
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
