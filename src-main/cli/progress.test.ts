import { describe, expect, it } from 'vitest';
import type { RunSnapshot } from '@shared/api/contract';
import { emptyCounters } from '@shared/run/counters';
import { createProgress } from './progress';

function stream(isTTY: boolean): { out: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const out = { isTTY, write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream;
  return { out, text: () => text };
}

const snap = (state: RunSnapshot['state'], received: number): RunSnapshot => ({
  runId: 'r',
  state,
  environment: { kind: 'embedded' },
  counters: { a: { ...emptyCounters(), received } },
});

describe('run progress', () => {
  it('rewrites one live line on a terminal and ends it before a lasting line', () => {
    const s = stream(true);
    const p = createProgress(s.out);
    p.update(snap('running', 1), 250);
    p.update(snap('running', 2), 500);
    p.line('PASS x');
    expect(s.text()).toBe(
      '\r\x1b[2K0.3s running: 0 sent, 1 received, 0 errors\r\x1b[2K0.5s running: 0 sent, 2 received, 0 errors\r\x1b[2KPASS x\n',
    );
  });

  it('prints plain lines elsewhere: at a state change and every 5 s, no control characters', () => {
    const s = stream(false);
    const p = createProgress(s.out);
    p.update(snap('starting', 0), 0);
    p.update(snap('running', 1), 250);
    p.update(snap('running', 2), 1000);
    p.update(snap('running', 9), 5300);
    expect(s.text()).toBe(
      '0.0s starting: 0 sent, 0 received, 0 errors\n0.3s running: 0 sent, 1 received, 0 errors\n5.3s running: 0 sent, 9 received, 0 errors\n',
    );
  });
});
