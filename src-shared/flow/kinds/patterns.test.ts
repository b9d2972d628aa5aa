import { describe, expect, it } from 'vitest';
import { validateNodeConfig } from '../parse';
import {
  apiGatewayConfig,
  eventStoreConfig,
  meshPolicyConfig,
  projectionConfig,
  sagaOrchestratorConfig,
} from './patterns';

describe('patterns schemas', () => {
  it('fill defaults', () => {
    expect(apiGatewayConfig.parse({})).toEqual({
      name: 'gateway',
      port: 8000,
      routes: [
        {
          pathPrefix: '/orders',
          target: '',
          auth: 'none',
          rateLimit: 0,
          method: 'ANY',
          burst: 0,
          grpcMethod: '',
          transform: '',
          cacheTtlMs: 0,
        },
      ],
      apiKeys: [],
      apiKeyHeader: 'x-api-key',
      jwtSecretEnv: 'FLOWBENCH_JWT_SECRET',
    });
    expect(sagaOrchestratorConfig.parse({ steps: [{ name: 'pay' }] })).toEqual({
      name: 'saga',
      steps: [{ name: 'pay', target: '', action: '', compensation: '' }],
      stepTimeoutMs: 5000,
      resume: 'continue',
      compensationAttempts: 3,
    });
    expect(eventStoreConfig.parse({})).toEqual({
      name: 'event-store',
      streams: [],
      snapshotEvery: 100,
      topic: '',
      eventTypes: [],
      rules: [],
      statusByEvent: { OrderCreated: 'created', PaymentReceived: 'paid', OrderShipped: 'shipped' },
      upcasters: [],
    });
    expect(projectionConfig.parse({})).toEqual({
      name: 'projection',
      readModel: 'orders-view',
      events: [],
      processingMs: 0,
    });
    expect(meshPolicyConfig.parse({})).toEqual({
      name: 'policy',
      retries: { attempts: 3, backoffMs: 100, budgetPercent: 20 },
      timeoutMs: 2000,
      circuitBreaker: { enabled: false, failureThreshold: 5, openMs: 30_000 },
      mtls: false,
      trafficSplit: [],
    });
  });

  it('refuse bad values with a message per field', () => {
    expect(validateNodeConfig('apiGateway', { routes: [{ pathPrefix: 'orders', auth: 'basic' }] })).toEqual({
      ok: false,
      errors: {
        'routes[0].pathPrefix': 'must start with "/"',
        'routes[0].auth': 'must be none, apiKey or jwt',
      },
    });
    expect(validateNodeConfig('eventStore', { streams: ['order', ' '], snapshotEvery: -1 })).toEqual({
      ok: false,
      errors: { 'streams[1]': 'must not be empty', snapshotEvery: 'must be at least 0' },
    });
    expect(validateNodeConfig('meshPolicy', { retries: { attempts: 11 } })).toEqual({
      ok: false,
      errors: { 'retries.attempts': 'must be at most 10' },
    });
  });

  it('needs a traffic split to add up to 100', () => {
    const split = (weights: number[]): unknown =>
      validateNodeConfig('meshPolicy', {
        trafficSplit: weights.map((weight, i) => ({ target: `v${i}`, weight })),
      });
    expect(split([90, 10])).toMatchObject({ ok: true });
    expect(split([90, 20])).toEqual({
      ok: false,
      errors: { trafficSplit: 'weights add up to 110, not 100' },
    });
  });
});
