import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../store/replay-table';
import { indexEdits, toReplayItem } from './replay-item';
import { describePacing, dueAfter } from './replay-pacing';

const message = (over: Partial<StoredMessage> = {}): StoredMessage => ({
  id: 7,
  runId: 'r1',
  traceId: 'a'.repeat(32),
  nodeId: 'p',
  transport: 'kafka',
  destination: 'orders',
  key: 'k1',
  partition: 0,
  ts: 1000,
  headers: { origin: 'shop', traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01` },
  payload: Buffer.from('{"seq": 1}'),
  ...over,
});

describe('replay edits', () => {
  it('drops the recorded traceparent and keeps the rest unchanged when nothing is edited', () => {
    const it = toReplayItem(message(), indexEdits(undefined));
    expect(it).toMatchObject({ headers: { origin: 'shop' }, key: 'k1', edited: false });
    expect(it.payload.toString()).toBe('{"seq": 1}');
  });

  it('replaces the payload and headers of the edited message only, and marks it edited', () => {
    const edits = indexEdits([{ messageId: 7, payloadText: '{"seq": 2}', headers: { origin: 'support' } }]);
    expect(toReplayItem(message(), edits)).toMatchObject({ headers: { origin: 'support' }, edited: true });
    expect(toReplayItem(message(), edits).payload.toString()).toBe('{"seq": 2}');
    expect(toReplayItem(message({ id: 8 }), edits).edited).toBe(false);
  });

  it('an edit equal to the original is not an edit', () => {
    const edits = indexEdits([{ messageId: 7, payloadText: '{"seq": 1}', headers: { origin: 'shop' } }]);
    expect(toReplayItem(message(), edits).edited).toBe(false);
  });

  it('sets and removes headers on every message', () => {
    const it = toReplayItem(message(), indexEdits(undefined, { origin: null, replayed: 'yes' }));
    expect(it).toMatchObject({ headers: { replayed: 'yes' }, edited: true });
  });
});

describe('replay pacing', () => {
  it('fast is always due, a rate spaces messages evenly, recorded keeps the gaps (scaled by speed)', () => {
    expect(dueAfter({ mode: 'fast' }, 99, 5000, 1000)).toBe(0);
    expect(dueAfter({ mode: 'rate', perSecond: 50 }, 10, 0, 0)).toBe(200);
    expect(dueAfter({ mode: 'recorded', speed: 1 }, 3, 1750, 1000)).toBe(750);
    expect(dueAfter({ mode: 'recorded', speed: 2 }, 3, 1750, 1000)).toBe(375);
    expect(describePacing({ mode: 'recorded', speed: 1 })).toBe('as recorded');
  });
});
