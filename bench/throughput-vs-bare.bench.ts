import { it } from 'vitest';
import { bareAmqp, bareGrpc, bareKafka } from './runtime/bare-clients';
import { flowbenchRun } from './runtime/flowbench-runs';
import { bareSqliteRate, recordedRun, recorderRate } from './runtime/recorder-vs-bare';
import { CALLS, N, ROUNDS, STREAM_ITEMS, type Measured, type Path } from './runtime/settings';

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
  { path: 'recorder', label: `Recorder (better-sqlite3), ${4 * N} events`, goalOn: 0.8 },
];
const selected = process.env.BENCH_PATHS?.split(',');

type Side = 'bare' | 'on' | 'off';
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(path: Path | 'recorder', side: Side): Promise<Measured> {
  if (path === 'recorder') return side === 'bare' ? bareSqliteRate(rows) : recorderRate(rows);
  if (side !== 'bare') return flowbenchRun(path, side === 'on');
  if (path === 'kafka') return bareKafka();
  if (path === 'rabbitmq') return bareAmqp();
  return bareGrpc(path === 'grpc-unary' ? 'unary' : 'stream');
}

const rows = recordedRun();
const fmt = (x: number | undefined, width: number, digits = 0): string =>
  (x === undefined ? '-' : x.toFixed(digits)).padStart(width);

it(`end-to-end rate with tracing on and off vs bare clients (${ROUNDS} rounds)`, async () => {
  const lines: string[] = [];
  for (const { path, label, goalOn, goalOff } of PATHS) {
    if (selected && !selected.includes(path)) continue;
    const sides: Side[] = path === 'recorder' ? ['bare', 'on'] : ['bare', 'on', 'off'];
    const runs: Record<Side, Measured[]> = { bare: [], on: [], off: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // Rotated each round, so no side always runs first (or right after the same one).
      const order = sides.map((_, i) => sides[(i + round) % sides.length]);
      for (const side of order) runs[side].push(await measure(path, side));
    }
    // Ratios pair each run with the bare run of its round; the median of those is shown.
    const ratio = (side: Side): number | undefined =>
      runs[side].length ? median(runs[side].map((r, i) => r.rate / runs.bare[i].rate)) : undefined;
    const cpuRatio = (side: Side): number | undefined =>
      runs[side].length
        ? median(runs[side].map((r, i) => runs.bare[i].cpuUsPerMessage / r.cpuUsPerMessage))
        : undefined;
    const rate = (side: Side): number | undefined =>
      runs[side].length ? median(runs[side].map((r) => r.rate)) : undefined;
    const cpu = (side: Side): number | undefined =>
      runs[side].length ? median(runs[side].map((r) => r.cpuUsPerMessage)) : undefined;
    lines.push(
      `${label.padEnd(44)} ${fmt(rate('bare'), 7)} ${fmt(rate('on'), 7)} ${fmt(rate('off'), 7)}  ` +
        `${fmt(ratio('on'), 5, 2)} (≥${goalOn}) ${fmt(ratio('off'), 5, 2)}${goalOff ? ` (≥${goalOff})` : '        '}  ` +
        `${fmt(cpu('bare'), 5)} ${fmt(cpu('on'), 5)} ${fmt(cpu('off'), 5)}  ${fmt(cpuRatio('on'), 5, 2)} ${fmt(cpuRatio('off'), 5, 2)}`,
    );
    const list = (side: Side): string => runs[side].map((r) => r.rate.toFixed(0)).join(' ');
    console.log(`${path}: rates bare ${list('bare')} | on ${list('on')} | off ${list('off')}`);
  }
  console.log(
    `\nruntime throughput vs bare clients, median of ${ROUNDS} rounds; rates per second (messages, or rows for the recorder);` +
      `\nCPU = this process's CPU µs per message, all threads; CPU ratio = bare CPU / Flowbench CPU`,
  );
  console.log(
    `${'path'.padEnd(44)} ${'bare'.padStart(7)} ${'on'.padStart(7)} ${'off'.padStart(7)}  ratio on       ratio off        ` +
      `CPU bare/on/off    CPU ratio on/off`,
  );
  for (const l of lines) console.log(l);
}, 3_600_000);
