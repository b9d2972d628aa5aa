import { useState, type ChangeEvent, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { api, errorText } from '../app/api-holder';
import { useFlowStore } from '../canvas/flow-store';

const CHANNEL_KINDS = new Set(['kafkaTopic', 'rabbitQueue', 'rabbitExchange']);

/**
 * Import an NDJSON file as messages to produce into a topic, queue or exchange of the
 * running flow: where a user expects them, seen by that node's consumers and recorded
 * like any other message (from "import").
 */
export function ImportControl(): ReactElement {
  // The node objects themselves (stable between renders), so the shallow compare holds.
  const channelNodes = useFlowStore(
    useShallow((s) => s.nodes.filter((n) => CHANNEL_KINDS.has(n.type ?? ''))),
  );
  const channels = channelNodes.map((n) => ({
    id: n.id,
    name: n.data.config.name,
    exchange: n.type === 'rabbitExchange',
  }));
  const [target, setTarget] = useState('');
  const [routingKey, setRoutingKey] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const chosen = channels.find((c) => c.id === target) ?? channels[0];

  const onFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file || !chosen) return;
    setStatus({ ok: true, text: `Importing ${file.name}…` });
    try {
      const res = await api()['messages.import']({
        nodeId: chosen.id,
        text: await file.text(),
        ...(chosen.exchange && routingKey ? { routingKey } : {}),
      });
      if (res.problems.length > 0) {
        setStatus({ ok: false, text: `${file.name}: nothing sent. ${res.problems.join('; ')}` });
        return;
      }
      // The rows arrive through the live tail (or wait there while it is paused).
      setStatus({ ok: true, text: `Sent ${res.sent.toLocaleString()} from ${file.name} to ${chosen.name}` });
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    }
  };

  return (
    <span className="fb-msgs__export" data-testid="message-import">
      <select
        className="fb-input"
        aria-label="Import into"
        value={chosen?.id ?? ''}
        onChange={(e) => setTarget(e.target.value)}
        disabled={channels.length === 0}
      >
        {channels.length === 0 && <option value="">No topic or queue</option>}
        {channels.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {chosen?.exchange && (
        <input
          className="fb-input"
          aria-label="Routing key"
          placeholder="routing key"
          value={routingKey}
          onChange={(e) => setRoutingKey(e.target.value)}
        />
      )}
      <label className="fb-btn fb-btn--small">
        Import NDJSON…
        <input
          type="file"
          accept=".ndjson,.jsonl,.json,application/x-ndjson"
          hidden
          disabled={!chosen}
          onChange={(e) => void onFile(e)}
        />
      </label>
      {status && (
        <span role={status.ok ? 'status' : 'alert'} className={status.ok ? 'fb-msgs__sub' : 'fb-error-text'}>
          {status.text}
        </span>
      )}
    </span>
  );
}
