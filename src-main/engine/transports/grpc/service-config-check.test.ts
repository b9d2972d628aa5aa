import { describe, expect, it } from 'vitest';
import { grpcServiceConfig } from '@shared/flow/kinds/services';
import { DEFAULT_PROTO } from '@shared/flow/kinds/service-samples';
import { loadProtoService } from './load-proto';
import { checkServiceBehaviours } from './service-config-check';

const greeter = loadProtoService(DEFAULT_PROTO, 'helloworld.Greeter');

describe('checkServiceBehaviours', () => {
  it('accepts behaviours that fit the service', () => {
    const config = grpcServiceConfig.parse({
      methods: [
        { method: 'SayHello', reply: 'template', response: '{"message": "hi"}', metadata: { 'x-a': '1' } },
      ],
    });
    expect(checkServiceBehaviours(config, greeter)).toEqual([]);
  });

  it('names each problem at its field', () => {
    const config = grpcServiceConfig.parse({
      methods: [
        { method: 'SayHello', reply: 'template' },
        { method: 'SayHello', reply: 'fail', failCode: 'OK' },
        { method: 'SayBye', reply: 'echo', trailers: { 'Bad Key': 'x' } },
      ],
    });
    expect(checkServiceBehaviours(config, greeter)).toEqual([
      { field: 'methods[0].response', message: 'is required when the reply is a template' },
      { field: 'methods[1].method', message: 'is listed twice (also methods[0])' },
      { field: 'methods[1].failCode', message: 'OK is not a failure; choose an error status' },
      {
        field: 'methods[2].method',
        message: 'names a method the service helloworld.Greeter does not have (it has SayHello)',
      },
      {
        field: 'methods[2].trailers',
        message: 'trailing metadata key "Bad Key" may only hold a-z, 0-9, "-", "_" and "."',
      },
    ]);
  });
});
