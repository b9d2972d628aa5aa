import { describe, expect, it } from 'vitest';
import { seededRandom } from '../faults/seeded-random';
import { jsonMessage, step, testDeps } from './behaviour-test-kit';
import { BehaviourFailure } from './fail';

describe('delay step', () => {
  it('passes the message on once the delay has passed on the clock', async () => {
    const deps = testDeps();
    let done = false;
    const pending = step({ kind: 'delay', ms: 250 }, deps)
      .process(jsonMessage(1))
      .then((out) => {
        done = true;
        return out;
      });
    deps.clock.advance(249);
    await Promise.resolve();
    expect(done).toBe(false);
    deps.clock.advance(1);
    expect(await pending).toEqual([jsonMessage(1)]);
  });

  it('jitters the delay uniformly within ± jitterMs', async () => {
    const delays: number[] = [];
    const deps = testDeps({
      clock: {
        now: () => 0,
        setTimeout: (fn, ms) => {
          delays.push(ms);
          fn();
          return () => undefined;
        },
      },
    });
    const d = step({ kind: 'delay', ms: 100, jitterMs: 50 }, deps);
    for (let i = 0; i < 2000; i++) await d.process(jsonMessage(i));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...delays)).toBeLessThanOrEqual(150);
    expect(Math.abs(delays.reduce((a, b) => a + b, 0) / delays.length - 100)).toBeLessThan(3);
  });
});

describe('fail step', () => {
  it('fails about the configured share with the protocol error of the node', async () => {
    const f = step({ kind: 'fail', probability: 0.25 }, testDeps({ random: seededRandom(99) }));
    let failed = 0;
    let error: unknown;
    for (let i = 0; i < 4000; i++) {
      try {
        await f.process(jsonMessage(i));
      } catch (err) {
        failed++;
        error = err;
      }
    }
    expect(failed / 4000).toBeGreaterThan(0.23);
    expect(failed / 4000).toBeLessThan(0.27);
    expect(error).toBeInstanceOf(BehaviourFailure);
    expect(error).toMatchObject({
      field: 'behaviours[0]',
      error: { protocol: 'grpc', code: 'UNAVAILABLE', status: 14 },
    });
  });

  it('uses the configured form for the protocol', async () => {
    const f = step(
      { kind: 'fail', probability: 1, error: { http: { status: 500, body: 'boom' } } },
      testDeps({ protocol: 'http' }),
    );
    await expect(f.process(jsonMessage(1))).rejects.toMatchObject({
      error: { protocol: 'http', status: 500, body: 'boom' },
    });
    const never = step({ kind: 'fail', probability: 0 });
    expect(await never.process(jsonMessage(1))).toHaveLength(1);
  });
});
