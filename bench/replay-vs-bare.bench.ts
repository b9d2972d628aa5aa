import { it } from 'vitest';
import {
  bareAmqpSend,
  bareKafkaSend,
  benchDestinations,
  replayRate,
  REPLAY_N,
  seededEngine,
} from './runtime/replay-vs-bare';
import { ROUNDS, type Measured } from './runtime/settings';
import type { ReplayMeasured } from './runtime/replay-vs-bare';

/**
 * Replay (issue 6): replaying REPLAY_N recorded messages "as fast as possible" (sent in
 * batches, each message recorded as a new linked trace) against a bare kafkajs / amqplib
 * script sending the same messages to the same broker, in the same process and run. Sides
 * alternate each round; medians are compared. Goal: ratio ≥ 0.8.
 * `npx vitest run --project bench bench/replay-vs-bare.bench.ts`; BENCH_ROUNDS,
 * BENCH_REPLAY_MESSAGES tune it.
 */
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

it(`replay of ${REPLAY_N} messages vs the bare client`, async () => {
  const { engine, close } = await seededEngine();
  const dest = await benchDestinations();
  const results: Record<string, { bare: Measured[]; replay: ReplayMeasured[] }> = {
    kafka: { bare: [], replay: [] },
    rabbitmq: { bare: [], replay: [] },
  };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? (['bare', 'replay'] as const) : (['replay', 'bare'] as const);
      for (const side of order) {
        if (side === 'bare') results.kafka.bare.push(await bareKafkaSend(dest.topic));
        else results.kafka.replay.push(await replayRate(engine, { kind: 'kafka', topic: dest.topic }));
        await dest.purge();
        if (side === 'bare') results.rabbitmq.bare.push(await bareAmqpSend(dest.queue));
        else results.rabbitmq.replay.push(await replayRate(engine, { kind: 'queue', queue: dest.queue }));
        await dest.purge();
      }
    }
  } finally {
    await dest.remove();
    await close();
  }
  const lines = [`Replay vs bare client, ${REPLAY_N} messages, ${ROUNDS} rounds (medians)`];
  for (const [path, r] of Object.entries(results)) {
    const bare = median(r.bare.map((m) => m.rate));
    const sent = median(r.replay.map((m) => m.sent.rate));
    const recorded = median(r.replay.map((m) => m.recorded.rate));
    const verdict = (x: number): string => `${x.toFixed(2)}${x >= 0.8 ? ' ✓' : ' ✗'}`;
    const cpuBare = median(r.bare.map((m) => m.cpuUsPerMessage));
    const cpuReplay = median(r.replay.map((m) => m.recorded.cpuUsPerMessage));
    lines.push(
      `${path.padEnd(9)} bare ${Math.round(bare)} msg/s · replay sent ${Math.round(sent)} msg/s (ratio ${verdict(sent / bare)}) · ` +
        `replay sent and recorded ${Math.round(recorded)} msg/s (ratio ${verdict(recorded / bare)}) · goal ≥ 0.8 · ` +
        `CPU of this process ${cpuBare.toFixed(0)} µs/msg bare, ${cpuReplay.toFixed(0)} µs/msg replay (all threads)`,
    );
  }
  console.log(lines.join('\n'));
});
