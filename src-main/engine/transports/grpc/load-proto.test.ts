import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTO } from '@shared/flow/node-kinds';
import { loadProtoService, ProtoError } from './load-proto';

describe('loadProtoService', () => {
  it('loads the Greeter service with its unary method', () => {
    const svc = loadProtoService(DEFAULT_PROTO, 'helloworld.Greeter');
    expect(svc.fullName).toBe('helloworld.Greeter');
    expect(svc.methods).toEqual([
      expect.objectContaining({
        name: 'SayHello',
        path: '/helloworld.Greeter/SayHello',
        requestStream: false,
        responseStream: false,
      }),
    ]);
    expect(svc.verify('helloworld.HelloRequest', { name: 'x' })).toBeNull();
    expect(svc.verify('helloworld.HelloRequest', { name: 5 })).toMatch(/name/);
  });

  it('reports a syntax error with its line', () => {
    const bad = 'syntax = "proto3";\nservice X {\n  rpc A (B) returns (C)\n}\n';
    try {
      loadProtoService(bad, 'X');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ProtoError);
      expect((err as ProtoError).line).toBe(4);
    }
  });

  it('names the services that exist when the wanted one does not', () => {
    expect(() => loadProtoService(DEFAULT_PROTO, 'helloworld.Nope')).toThrow(
      /it defines helloworld\.Greeter/,
    );
  });

  it('reports an unknown message type', () => {
    expect(() =>
      loadProtoService('syntax="proto3"; service S { rpc A (Nope) returns (Nope); }', 'S'),
    ).toThrow(/no such type/);
  });
});
