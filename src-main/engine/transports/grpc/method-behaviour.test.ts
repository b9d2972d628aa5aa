import * as grpc from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { grpcServiceConfig } from '@shared/flow/kinds/services';
import { behaviourFromConfig, type RenderReply } from './method-behaviour';

/** Stands in for the template engine: remembers which source and field it compiled. */
const compiled: Array<{ source: string; field: string }> = [];
const compile = (source: string, field: string): RenderReply => {
  compiled.push({ source, field });
  return () => ({ source });
};

describe('behaviourFromConfig', () => {
  it('reads an entry of methods: template, delay, pacing and metadata', () => {
    const config = grpcServiceConfig.parse({
      methods: [
        { method: 'Other', reply: 'echo' },
        {
          method: 'List',
          response: '{"n": {{seq}}}',
          delayMs: 20,
          items: 4,
          intervalMs: 50,
          metadata: { 'x-a': '1' },
          trailers: { 'x-b': '2' },
        },
      ],
    });
    const b = behaviourFromConfig(config, 'List', compile);
    expect(b).toMatchObject({
      reply: 'template',
      delayMs: 20,
      items: 4,
      intervalMs: 50,
      metadata: { 'x-a': '1' },
      trailers: { 'x-b': '2' },
    });
    expect(b?.render?.({}, {}, 0)).toEqual({ source: '{"n": {{seq}}}' });
    expect(compiled.at(-1)).toEqual({ source: '{"n": {{seq}}}', field: 'methods[1].response' });
    const other = behaviourFromConfig(config, 'Other', compile);
    expect(other?.reply).toBe('echo');
    expect(other?.render).toBeUndefined();
  });

  it('turns a fail entry into a grpc status, with a default message naming the status', () => {
    const config = grpcServiceConfig.parse({
      methods: [
        { method: 'A', reply: 'fail', failCode: 'PERMISSION_DENIED', failMessage: 'not yours', failAfter: 2 },
        { method: 'B', reply: 'fail' },
      ],
    });
    expect(behaviourFromConfig(config, 'A', compile)?.fail).toEqual({
      code: grpc.status.PERMISSION_DENIED,
      message: 'not yours',
      after: 2,
    });
    // Replies before a failure after N echo the request, or render the template when there is one.
    expect(behaviourFromConfig(config, 'A', compile)?.reply).toBe('echo');
    const templated = grpcServiceConfig.parse({
      methods: [{ method: 'A', reply: 'fail', failAfter: 1, response: '{"n": {{seq}}}' }],
    });
    expect(behaviourFromConfig(templated, 'A', compile)).toMatchObject({
      reply: 'template',
      render: expect.any(Function),
    });
    expect(behaviourFromConfig(config, 'B', compile)?.reply).toBe('fail');
    expect(behaviourFromConfig(config, 'B', compile)?.fail).toEqual({
      code: grpc.status.UNAVAILABLE,
      message: "UNAVAILABLE (injected by the service's behaviour)",
      after: 0,
    });
  });

  it('falls back to the legacy response template, paced by its streaming entry', () => {
    const config = grpcServiceConfig.parse({
      responses: { SayHello: '{"message": "hi"}', Watch: '{}' },
      streaming: [{ method: 'Watch', items: 7, intervalMs: 10 }],
    });
    expect(behaviourFromConfig(config, 'SayHello', compile)).toMatchObject({
      reply: 'template',
      items: 1,
      intervalMs: 0,
    });
    expect(behaviourFromConfig(config, 'Watch', compile)).toMatchObject({ items: 7, intervalMs: 10 });
    expect(compiled.at(-1)?.field).toBe('responses.Watch');
  });

  it('an entry of methods wins over a legacy template; an unmentioned method has none', () => {
    const config = grpcServiceConfig.parse({ methods: [{ method: 'SayHello', reply: 'echo' }] });
    expect(behaviourFromConfig(config, 'SayHello', compile)?.reply).toBe('echo');
    expect(behaviourFromConfig(config, 'Nope', compile)).toBeUndefined();
  });
});
