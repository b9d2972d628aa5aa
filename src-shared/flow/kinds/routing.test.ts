import { describe, expect, it } from 'vitest';
import { validateNodeConfig } from '../parse';
import { filterConfig, routerConfig, sinkConfig, timerConfig } from './routing';

describe('routing schemas', () => {
  it('fill defaults', () => {
    expect(routerConfig.parse({})).toEqual({
      name: 'router',
      routes: [{ output: 'matched', when: 'payload.type == "order"' }],
      maxHops: 0,
    });
    expect(filterConfig.parse({})).toEqual({ name: 'filter', when: 'payload.total > 100' });
    expect(timerConfig.parse({})).toMatchObject({ schedule: 'interval', intervalMs: 1000, count: 0 });
    expect(sinkConfig.parse({})).toEqual({ name: 'sink', recordPayloads: true });
  });

  it('refuse bad outputs and predicates', () => {
    expect(
      validateNodeConfig('router', { routes: [{ output: 'else' }, { output: 'a b', when: '' }] }),
    ).toEqual({
      ok: false,
      errors: {
        'routes[0].output': '"else" is the router\'s built-in output',
        'routes[1].output': 'may only contain letters, digits, "_" and "-"',
        'routes[1].when': 'is required',
      },
    });
    expect(validateNodeConfig('filter', { when: ' ' })).toEqual({
      ok: false,
      errors: { when: 'is required' },
    });
  });

  it('checks the cron expression only when the schedule is cron', () => {
    expect(validateNodeConfig('timer', { cron: 'nope' })).toMatchObject({ ok: true });
    expect(validateNodeConfig('timer', { schedule: 'cron', cron: '*/5 * * * *' })).toMatchObject({
      ok: true,
    });
    expect(validateNodeConfig('timer', { schedule: 'cron', cron: 'every day' })).toEqual({
      ok: false,
      errors: { cron: 'must have five fields: minute hour day month weekday' },
    });
    expect(validateNodeConfig('timer', { intervalMs: 5 })).toEqual({
      ok: false,
      errors: { intervalMs: 'must be at least 10' },
    });
  });
});
