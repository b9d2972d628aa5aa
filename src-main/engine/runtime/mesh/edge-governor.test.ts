import { describe, expect, it } from 'vitest';
import type { FlowEdge, FlowNode } from '@shared/flow/document';
import { meshPolicyConfig } from '@shared/flow/kinds/patterns';
import { NodeStats } from '../node-stats';
import { RunContext, UNTRACED } from '../run-context';
import { EdgeGovernor } from './edge-governor';

const EDGE: FlowEdge = { id: 'c->s', source: 'c', target: 's' };

function governor(config: Record<string, unknown>, split: Array<{ targetId: string; weight: number }> = []) {
  const ctx = new RunContext('run-1', UNTRACED, new NodeStats(['c', 's']));
  const policy = {
    id: 'p',
    kind: 'meshPolicy',
    position: { x: 0, y: 0 },
    config: meshPolicyConfig.parse({ name: 'p', ...config }),
  } as FlowNode<'meshPolicy'>;
  return { ctx, g: new EdgeGovernor(ctx, EDGE, policy, split, 'c') };
}

const failing = async (): Promise<string> => 'down';
const isDown = (v: string): string | null => (v === 'down' ? 'HTTP 503' : null);

describe('EdgeGovernor', () => {
  it('retries a failure up to the attempts, then gives the last error', async () => {
    const { ctx, g } = governor({ retries: { attempts: 2, backoffMs: 0, budgetPercent: 100 } });
    let tries = 0;
    const out = await g.call(async () => {
      tries++;
      return 'down';
    }, isDown);
    expect(out).toMatchObject({ ok: false, error: 'HTTP 503', attempts: 3 });
    expect(tries).toBe(3);
    expect(ctx.stats.get(EDGE.id)).toMatchObject({ sent: 1, errors: 1, retries: 2 });
  });

  it('stops retrying once the breaker opens, and refuses while it is open', async () => {
    const { ctx, g } = governor({
      retries: { attempts: 5, backoffMs: 0, budgetPercent: 100 },
      circuitBreaker: { enabled: true, failureThreshold: 2, openMs: 60_000 },
    });
    const first = await g.call(failing, isDown);
    expect(first.attempts).toBe(2);
    expect(ctx.stats.get(EDGE.id)?.breaker).toBe('open');
    let called = false;
    const refused = await g.call(async () => {
      called = true;
      return 'ok';
    }, isDown);
    expect(refused).toMatchObject({ ok: false, attempts: 0, error: /circuit open/ });
    expect(called).toBe(false);
  });

  it('gives each try the policy timeout and sends to the split target it picked', async () => {
    const { g } = governor({ timeoutMs: 1234 }, [{ targetId: 'canary', weight: 100 }]);
    const seen: Array<[string, number]> = [];
    const out = await g.call(async ({ targetId, timeoutMs }) => {
      seen.push([targetId, timeoutMs]);
      return 'ok';
    }, isDown);
    expect(out).toMatchObject({ ok: true, value: 'ok', targetId: 'canary', attempts: 1 });
    expect(seen).toEqual([['canary', 1234]]);
  });

  it('a thrown error counts as a failure', async () => {
    const { g } = governor({ retries: { attempts: 0, backoffMs: 0, budgetPercent: 20 } });
    const out = await g.call(async () => {
      throw new Error('ECONNREFUSED');
    }, isDown);
    expect(out).toMatchObject({ ok: false, error: 'ECONNREFUSED' });
  });
});
