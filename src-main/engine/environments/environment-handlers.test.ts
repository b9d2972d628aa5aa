import { describe, expect, it } from 'vitest';
import type { CustomEnvironment } from '@shared/run/custom-environment';
import { createEnvironmentService } from './environment-handlers';
import type { SettingsStore } from './environment-registry';

function memoryStore(): SettingsStore & { dump(): string } {
  const settings = new Map<string, string>();
  return {
    getSetting: (key) => settings.get(key) ?? null,
    setSetting: (key, value) => void settings.set(key, value),
    dump: () => [...settings.values()].join('\n'),
  };
}

const staging: Omit<CustomEnvironment, 'id'> = {
  kind: 'custom',
  name: 'Staging',
  amqp: { url: 'amqp://rabbit:5672', username: 'app', password: { from: 'env', name: 'STAGING_PW' } },
};

describe('the environment service', () => {
  it('saves, lists, selects and deletes custom environments; the selection survives a restart', async () => {
    const store = memoryStore();
    const first = createEnvironmentService(store, { env: {} });
    const { environment: saved } = await first.handlers['environments.save']({ environment: staging });
    expect(saved.id).toMatch(/^[A-Za-z0-9_-]+$/);
    await first.handlers['environment.select']({ id: saved.id });

    const second = createEnvironmentService(store, { env: {} });
    expect(second.active()).toEqual(saved);
    expect((await second.handlers['environments.list']({})).environments).toEqual([saved]);

    // An edit of the active environment is what the next run uses.
    const renamed = { ...saved, name: 'Staging EU' };
    await second.handlers['environments.save']({ environment: renamed });
    expect(second.active()).toEqual(renamed);

    expect(await second.handlers['environments.delete']({ id: saved.id })).toEqual({ deleted: true });
    expect(second.active()).toEqual({ kind: 'embedded' });
    await expect(second.handlers['environment.select']({ id: saved.id })).rejects.toThrow(/no environment/);
  });

  it('stores a local AMQP URL redacted but keeps its password for runs in this session', async () => {
    const store = memoryStore();
    const service = createEnvironmentService(store, { env: {} });
    const local = {
      kind: 'local' as const,
      kafkaBrokers: ['127.0.0.1:9092'],
      amqpUrl: 'amqp://u:hunter22@h:5672',
    };
    await service.handlers['settings.setEnvironment']({ environment: local });
    await service.handlers['environment.select']({ id: 'embedded' });
    await service.handlers['environment.select']({ id: 'local' });
    const resolved = await service.resolveForRun();
    expect(resolved.kind === 'brokers' && resolved.amqp?.url).toBe('amqp://u:hunter22@h:5672');
    expect(store.dump()).not.toContain('hunter22');
    expect(store.dump()).toContain('amqp://u:***@h:5672');
  });

  it('reports an environment it cannot resolve as the test error, naming the variable', async () => {
    const service = createEnvironmentService(memoryStore(), { env: {} });
    const { environment } = await service.handlers['environments.save']({ environment: staging });
    expect(await service.handlers['environment.test']({ id: environment.id })).toEqual({
      results: [],
      error: expect.stringMatching(/environment variable STAGING_PW, which is not set/),
    });
    expect(await service.handlers['environment.test']({ id: 'embedded' })).toEqual({ results: [] });
  });
});
