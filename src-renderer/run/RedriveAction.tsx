import { useState, type ReactElement } from 'react';
import { api, errorText } from '../app/api-holder';
import { showNotice } from '../app/notice-store';
import { useFlowStore, type FlowState } from '../canvas/flow-store';
import { useRunStore } from './run-store';
import './redrive.css';

/** The name of the queue that dead-letters into queue node `id`, or null when none does. */
function sourceQueueOf(s: FlowState, id: string): string | null {
  const dlq = s.nodes.find((n) => n.id === id);
  if (dlq?.type !== 'rabbitQueue') return null;
  const cfg = (dlq.data?.config ?? {}) as Record<string, unknown>;
  const names = new Set([cfg.queue, cfg.name].filter((v): v is string => typeof v === 'string' && v !== ''));
  const source = s.nodes.find((n) => {
    if (n.id === id || n.type !== 'rabbitQueue') return false;
    const target = (n.data?.config as Record<string, unknown> | undefined)?.deadLetter;
    return typeof target === 'string' && names.has(target.trim());
  });
  const name = (source?.data?.config as Record<string, unknown> | undefined)?.name;
  return source ? String(name ?? source.id) : null;
}

/**
 * On a dead-letter queue while a run goes: moves its messages back to the queue that
 * dead-lettered them (run.redrive), e.g. after the fault that failed them was fixed.
 */
export function RedriveAction({ id }: { id: string }): ReactElement | null {
  const source = useFlowStore((s) => sourceQueueOf(s, id));
  const running = useRunStore((s) => s.state === 'running');
  const [busy, setBusy] = useState(false);
  if (!source || !running) return null;
  const redrive = async (): Promise<void> => {
    setBusy(true);
    try {
      // Recorded like a replay: each moved message is a new trace linked to the one it was.
      const { sent: moved, to } = await api()['replay.redrive']({ nodeId: id });
      showNotice(`Moved ${moved} message${moved === 1 ? '' : 's'} back to ${to}.`, { ms: 6000 });
    } catch (err) {
      showNotice(`Could not redrive: ${errorText(err)}`, { tone: 'error', ms: 8000 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="fb-inspector__redrive" aria-label="Dead letters">
      <p>This queue holds the messages “{source}” dead-lettered.</p>
      <button type="button" className="fb-btn" disabled={busy} onClick={() => void redrive()}>
        {busy ? 'Redriving…' : `Redrive to ${source}`}
      </button>
    </section>
  );
}
