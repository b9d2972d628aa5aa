import { describe, expect, it } from 'vitest';
import { validateNodeConfig } from '../parse';
import {
  graphqlClientConfig,
  graphqlServiceConfig,
  grpcClientConfig,
  grpcServiceConfig,
  restClientConfig,
  restServiceConfig,
} from './services';

describe('services schemas', () => {
  it('fill defaults', () => {
    expect(restServiceConfig.parse({})).toEqual({
      name: 'rest-service',
      port: 8080,
      routes: [
        {
          method: 'GET',
          path: '/orders/:id',
          status: 200,
          response: '{"id": "{{params.id}}", "status": "shipped"}',
          latencyMs: 0,
          contract: { format: 'none' },
          headers: {},
        },
      ],
      maxBodyBytes: 1048576,
    });
    expect(restClientConfig.parse({})).toMatchObject({ method: 'GET', path: '/orders/{{seq}}', rate: 5 });
    expect(grpcServiceConfig.parse({})).toMatchObject({
      service: 'helloworld.Greeter',
      imports: {},
      streaming: [],
    });
    expect(grpcClientConfig.parse({})).toMatchObject({ deadlineMs: 5000, streamItems: 3 });
    expect(graphqlServiceConfig.parse({}).schema).toContain('type Query');
    expect(graphqlClientConfig.parse({})).toMatchObject({
      variables: '{"id": "{{seq}}"}',
      rate: 5,
      count: 20,
    });
  });

  it('fill defaults inside list items', () => {
    const cfg = restServiceConfig.parse({ routes: [{ path: '/health' }] });
    expect(cfg.routes[0]).toEqual({
      method: 'GET',
      path: '/health',
      status: 200,
      response: expect.any(String),
      latencyMs: 0,
      contract: { format: 'none' },
      headers: {},
    });
  });

  it('give configs saved before the HTTP runtime fields their defaults', () => {
    const saved = {
      name: 'orders',
      port: 8081,
      routes: [{ method: 'GET', path: '/x', status: 200, response: '{}', latencyMs: 5 }],
    };
    expect(restServiceConfig.parse(saved)).toMatchObject({
      maxBodyBytes: 1048576,
      routes: [{ headers: {} }],
    });
    expect(restClientConfig.parse({ path: '/x' }).timeoutMs).toBe(10_000);
    expect(graphqlServiceConfig.parse({}).maxBodyBytes).toBe(1048576);
    expect(graphqlClientConfig.parse({}).timeoutMs).toBe(10_000);
    expect(
      restServiceConfig.parse({ routes: [{ headers: { 'X-Id': '{{params.id}}' } }] }).routes[0].headers,
    ).toEqual({
      'X-Id': '{{params.id}}',
    });
  });

  it("give GraphQL services saved before bindings none, and fill a binding's defaults", () => {
    const saved = { name: 'api', port: 4001, schema: 'type Query { a: Int }', resolvers: {} };
    expect(graphqlServiceConfig.parse(saved).bindings).toEqual([]);
    const cfg = graphqlServiceConfig.parse({
      bindings: [{ field: 'Mutation.placeOrder', node: 'orders' }],
    });
    expect(cfg.bindings[0]).toEqual({
      field: 'Mutation.placeOrder',
      action: 'publish',
      node: 'orders',
      method: 'GET',
      path: '',
      body: '',
      key: '',
      rpc: '',
      timeoutMs: 10_000,
    });
  });

  it('refuse a GraphQL binding with no node or an unknown action', () => {
    expect(
      validateNodeConfig('graphqlService', {
        bindings: [{ field: 'Query.order', action: 'fetch', node: ' ' }],
      }),
    ).toEqual({
      ok: false,
      errors: {
        'bindings[0].action': 'must be one of publish, subscribe, call',
        'bindings[0].node': 'is required',
      },
    });
  });

  it('refuse limits out of range', () => {
    expect(validateNodeConfig('restClient', { timeoutMs: 0 })).toEqual({
      ok: false,
      errors: { timeoutMs: 'must be at least 1' },
    });
    expect(validateNodeConfig('graphqlService', { maxBodyBytes: 10 })).toEqual({
      ok: false,
      errors: { maxBodyBytes: 'must be at least 1024' },
    });
  });

  it('refuse bad values with a message per field, nested ones by path', () => {
    expect(
      validateNodeConfig('restService', {
        routes: [{ method: 'FETCH', path: 'orders', status: 700 }],
      }),
    ).toEqual({
      ok: false,
      errors: {
        'routes[0].method': 'must be one of GET, POST, PUT, PATCH, DELETE',
        'routes[0].path': 'must start with "/"',
        'routes[0].status': 'must be at most 599',
      },
    });
    expect(validateNodeConfig('restClient', { path: 'ftp://x' })).toEqual({
      ok: false,
      errors: { path: 'must start with "/" or http(s)://' },
    });
    expect(validateNodeConfig('grpcService', { streaming: [{ method: '', items: 0 }] })).toEqual({
      ok: false,
      errors: { 'streaming[0].method': 'is required', 'streaming[0].items': 'must be at least 1' },
    });
    expect(validateNodeConfig('graphqlClient', { query: '  ' })).toEqual({
      ok: false,
      errors: { query: 'is required' },
    });
  });
});

describe('gRPC config fields for files, behaviours, external targets and TLS', () => {
  it('default so that flows written before them still parse unchanged', () => {
    expect(grpcServiceConfig.parse({})).toMatchObject({ protoFile: '', methods: [] });
    expect(grpcClientConfig.parse({})).toMatchObject({
      streamIntervalMs: 0,
      metadata: {},
      address: '',
      protoFile: '',
      proto: '',
      service: '',
      method: '',
      tls: { enabled: false, caFile: '', certFile: '', keyFile: '', serverName: '' },
    });
  });

  it('fill a method behaviour with a template reply and no delay or streaming', () => {
    expect(grpcServiceConfig.parse({ methods: [{ method: 'Get' }] }).methods[0]).toEqual({
      method: 'Get',
      reply: 'template',
      response: '',
      delayMs: 0,
      items: 1,
      intervalMs: 0,
      failCode: 'UNAVAILABLE',
      failMessage: '',
      failAfter: 0,
      metadata: {},
      trailers: {},
    });
  });

  it('refuse a .proto path that leaves the flow folder, an unknown status and a bad address', () => {
    expect(
      validateNodeConfig('grpcService', {
        protoFile: '../shared/x.proto',
        methods: [{ method: 'A', reply: 'explode', failCode: 'TEAPOT' }],
      }),
    ).toEqual({
      ok: false,
      errors: {
        protoFile: 'must stay inside the flow\'s folder (no "..")',
        'methods[0].reply': 'must be one of echo, template, fail',
        'methods[0].failCode': 'must be a gRPC status name such as UNAVAILABLE',
      },
    });
    expect(validateNodeConfig('grpcService', { protoFile: '/etc/x.proto' })).toEqual({
      ok: false,
      errors: { protoFile: "must be relative to the flow's folder" },
    });
    expect(validateNodeConfig('grpcClient', { address: 'http://x:1' })).toEqual({
      ok: false,
      errors: { address: 'must be host:port' },
    });
    for (const address of ['', 'api.example.com:443', '127.0.0.1:50051', '[::1]:50051'])
      expect(validateNodeConfig('grpcClient', { address }).ok).toBe(true);
  });

  it('refuse a client certificate without its key', () => {
    expect(validateNodeConfig('grpcClient', { tls: { enabled: true, certFile: 'client.pem' } })).toEqual({
      ok: false,
      errors: { 'tls.keyFile': 'a client certificate needs its key, and a key its certificate' },
    });
  });
});
