import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grpcClientConfig } from '../../src-shared/flow/kinds/services';
import { externalCall } from '../../src-main/engine/transports/grpc/external-target';
import { createGrpcClient } from '../../src-main/engine/transports/grpc/grpc-client';
import { startGrpcServer, type GrpcServerHandle } from '../../src-main/engine/transports/grpc/grpc-server';
import { loadFlowProtoService } from '../../src-main/engine/transports/grpc/proto-files';
import { LAB_MESSAGES, LAB_PROTO, labFolder, makeFlowFolder, type FlowFolder } from './helpers/grpc-lab';
import { makeTestPki } from './helpers/tls-certs';

// The "external" service runs from its own folder, as another team's server would.
let serverFolder: FlowFolder;
let clientFolder: FlowFolder;
let server: GrpcServerHandle;

beforeAll(async () => {
  serverFolder = labFolder();
  clientFolder = makeFlowFolder({ 'protos/lab.proto': LAB_PROTO, 'common/messages.proto': LAB_MESSAGES });
  const pki = await makeTestPki();
  clientFolder.write('ca.pem', pki.caCert);
  const service = loadFlowProtoService({ flowDir: serverFolder.dir, protoFile: 'lab.proto' }, 'lab.v1.Lab');
  const echo = { reply: 'echo', delayMs: 0, items: 3, intervalMs: 0, metadata: {}, trailers: {} } as const;
  server = await startGrpcServer({
    service,
    behaviours: new Map([['ServerStream', echo]]),
    tls: { cert: pki.serverCert, key: pki.serverKey },
  });
});
afterAll(async () => {
  await server.close(200);
  serverFolder.remove();
  clientFolder.remove();
});

describe('a gRPC client node calling a service outside the flow', () => {
  it('resolves .proto, method, address and TLS from its config and calls over TLS', async () => {
    const config = grpcClientConfig.parse({
      address: `localhost:${server.port}`,
      protoFile: 'protos/lab.proto',
      service: 'lab.v1.Lab',
      method: 'ServerStream',
      tls: { enabled: true, caFile: 'ca.pem' },
    });
    const plan = externalCall(config, clientFolder.dir);
    expect(plan.method.name).toBe('ServerStream');
    const client = createGrpcClient(plan.service, plan.target);
    try {
      const result = await client.call(plan.method.name, {
        deadlineMs: config.deadlineMs,
        request: () => ({ name: 'outside', n: 1 }),
      });
      expect(result).toMatchObject({ ok: true });
      expect(result.responses).toHaveLength(3);
    } finally {
      client.close();
    }
  });

  it('names the field at fault', () => {
    const base = {
      address: `localhost:${server.port}`,
      protoFile: 'protos/lab.proto',
      service: 'lab.v1.Lab',
    };
    const fails = (over: Record<string, unknown>): string => {
      try {
        externalCall(grpcClientConfig.parse({ ...base, ...over }), clientFolder.dir);
      } catch (err) {
        return (err as Error).message;
      }
      return 'no error';
    };
    expect(fails({ method: 'Nope' })).toBe(
      'method: lab.v1.Lab has no method Nope (it has Unary, ServerStream, ClientStream, Bidi)',
    );
    expect(fails({ method: 'Unary', service: 'lab.v1.Lob' })).toMatch(
      /^service: service "lab\.v1\.Lob" is not defined/,
    );
    expect(fails({ method: 'Unary', protoFile: 'missing.proto' })).toMatch(
      /^protoFile: protoFile "missing\.proto" not found/,
    );
    expect(fails({ method: 'Unary', tls: { enabled: true, caFile: 'none.pem' } })).toMatch(
      /^tls\.caFile: cannot read .*none\.pem \(ENOENT\)$/,
    );
    expect(fails({ method: 'Unary', protoFile: '', proto: '' })).toMatch(
      /^protoFile: an external service needs its \.proto/,
    );
  });
});
