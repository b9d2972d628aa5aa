import type { RunSnapshot } from '@shared/api/contract';

/** How a run's progress reaches the person or the CI log watching it. */
export interface Progress {
  /** Called about every 250 ms with the live status. */
  update(snapshot: RunSnapshot, elapsedMs: number): void;
  /** A line that stays (a state change, a result). */
  line(text: string): void;
  /** Ends the live line, if any. */
  done(): void;
}

/** Sums the run's counters into one short status text. */
export function statusText(s: RunSnapshot, elapsedMs: number): string {
  let sent = 0;
  let received = 0;
  let errors = 0;
  for (const c of Object.values(s.counters)) {
    sent += c.sent;
    received += c.received;
    errors += c.errors;
  }
  const failing = Object.values(s.counters).filter((c) => c.status === 'error').length;
  const secs = (elapsedMs / 1000).toFixed(1);
  return `${secs}s ${s.state}: ${sent} sent, ${received} received, ${errors} errors${failing ? `, ${failing} node(s) in error` : ''}`;
}

const PLAIN_EVERY_MS = 5000;

/**
 * On a terminal, one line rewritten in place; elsewhere (CI logs), a plain line at each state
 * change and every 5 seconds, so the log stays short and readable.
 */
export function createProgress(out: NodeJS.WriteStream): Progress {
  if (out.isTTY) {
    let live = false;
    return {
      update(s, ms) {
        out.write(`\r\x1b[2K${statusText(s, ms)}`);
        live = true;
      },
      line(text) {
        out.write(`${live ? '\r\x1b[2K' : ''}${text}\n`);
        live = false;
      },
      done() {
        if (live) out.write('\n');
        live = false;
      },
    };
  }
  let lastAt = -Infinity;
  let lastState = '';
  return {
    update(s, ms) {
      if (s.state === lastState && ms - lastAt < PLAIN_EVERY_MS) return;
      lastAt = ms;
      lastState = s.state;
      out.write(`${statusText(s, ms)}\n`);
    },
    line(text) {
      out.write(`${text}\n`);
    },
    done() {},
  };
}
