import { it } from 'vitest';
import { bareAmqp, bareGrpc, bareKafka } from './runtime/bare-clients';
import { flowbenchRun } from './runtime/flowbench-runs';
import { bareSqliteRate, recordedRun, recorderRate } from './runtime/recorder-vs-bare';
import { CALLS, N, ROUNDS, STREAM_ITEMS, type Path } from './runtime/settings';

/**
 * Flowbench's end-to-end rate on each path, tracing on (every hop traced and recorded in
 * SQLite) and off, as a ratio of the bare client doing the same work on the same broker in
 * the same run; and the recorder against plain better-sqlite3 batched inserts. Bare and
 * Flowbench runs alternate, in a different order each round, and the table shows medians,
 * so the noise of a shared machine hits both sides alike. `npm run bench:runtime`;
 * BENCH_ROUNDS, BENCH_MESSAGES, BENCH_CALLS, BENCH_PATHS (comma list) tune it.
 */
const PATHS: Array<{ path: Path | 'recorder'; label: string; goalOn: number; goalOff?: number }> = [
  { path: 'kafka', label: `Kafka topic (kafkajs), ${N} msgs`, goalOn: 0.8, goalOff: 0.95 },
  { path: 'rabbitmq', label: `RabbitMQ queue (amqplib), ${N} msgs`, goalOn: 0.8, goalOff: 0.95 },
  { path: 'grpc-unary', label: `gRPC unary (grpc-js), ${CALLS} calls`, goalOn: 0.8, goalOff: 0.95 },
  {
    path: 'grpc-stream',
    label: `gRPC server stream, ${CALLS} replies (${STREAM_ITEMS}/call)`,
    goalOn: 0.8,
    goalOff: 0.95,
  },
  { path: 'recorder', label: `Recorder (better-sqlite3), ${4 * N} rows`, goalOn: 0.8 },
];
const selected = process.env.BENCH_PATHS?.split(',');

type Side = 'bare' | 'on' | 'off';
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(path: Path | 'recorder', side: Side): Promise<number> {
  if (path === 'recorder') return side === 'bare' ? bareSqliteRate(rows) : recorderRate(rows);
  if (side !== 'bare') return (await flowbenchRun(path, side === 'on')).rate;
  if (path === 'kafka') return bareKafka();
  if (path === 'rabbitmq') return bareAmqp();
  return bareGrpc(path === 'grpc-unary' ? 'unary' : 'stream');
}

const rows = recordedRun();

it(`end-to-end rate with tracing on and off vs bare clients (${ROUNDS} rounds)`, async () => {
  const lines: string[] = [];
  for (const { path, label, goalOn, goalOff } of PATHS) {
    if (selected && !selected.includes(path)) continue;
    const sides: Side[] = path === 'recorder' ? ['bare', 'on'] : ['bare', 'on', 'off'];
    const rates: Record<Side, number[]> = { bare: [], on: [], off: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // Rotated each round, so no side always runs first (or right after the same one).
      const order = sides.map((_, i) => sides[(i + round) % sides.length]);
      for (const side of order) rates[side].push(await measure(path, side));
    }
    const ratio = (side: Side): string => {
      if (rates[side].length === 0) return '    -';
      const perRound = rates[side].map((r, i) => r / rates.bare[i]);
      return median(perRound).toFixed(2).padStart(5);
    };
    const rate = (side: Side): string =>
      rates[side].length ? median(rates[side]).toFixed(0).padStart(9) : '        -';
    lines.push(
      `${label.padEnd(44)} ${rate('bare')} ${rate('on')} ${rate('off')}   ${ratio('on')} (≥${goalOn})   ${ratio('off')}${goalOff ? ` (≥${goalOff})` : ''}`,
    );
    console.log(
      `${path}: bare ${rates.bare.map((r) => r.toFixed(0)).join(' ')} | on ${rates.on.map((r) => r.toFixed(0)).join(' ')} | off ${rates.off.map((r) => r.toFixed(0)).join(' ')}`,
    );
  }
  console.log(
    `\nruntime throughput vs bare clients, median of ${ROUNDS} rounds (per second: messages, or rows for the recorder)`,
  );
  console.log(
    `${'path'.padEnd(44)} ${'bare'.padStart(9)} ${'on'.padStart(9)} ${'off'.padStart(9)}   ratio on         ratio off`,
  );
  for (const l of lines) console.log(l);
}, 3_600_000);
