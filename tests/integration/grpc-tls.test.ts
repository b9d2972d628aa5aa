import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readClientTls } from '../../src-main/engine/transports/grpc/client-tls';
import { createGrpcClient } from '../../src-main/engine/transports/grpc/grpc-client';
import {
  startGrpcServer,
  type GrpcServerHandle,
  type ServerTls,
} from '../../src-main/engine/transports/grpc/grpc-server';
import type { LoadedService } from '../../src-main/engine/transports/grpc/load-proto';
import type { MethodBehaviour } from '../../src-main/engine/transports/grpc/method-behaviour';
import { loadFlowProtoService } from '../../src-main/engine/transports/grpc/proto-files';
import { labFolder, type FlowFolder } from './helpers/grpc-lab';
import { makeTestPki, type TestPki } from './helpers/tls-certs';

const ECHO: MethodBehaviour = {
  reply: 'echo',
  delayMs: 0,
  items: 1,
  intervalMs: 0,
  metadata: {},
  trailers: {},
};
const TLS_OFF = { enabled: false, caFile: '', certFile: '', keyFile: '', serverName: '' };

let folder: FlowFolder;
let service: LoadedService;
let pki: TestPki;

beforeAll(async () => {
  folder = labFolder();
  service = loadFlowProtoService({ flowDir: folder.dir, protoFile: 'lab.proto' }, 'lab.v1.Lab');
  pki = await makeTestPki();
  folder.write('certs/ca.pem', pki.caCert);
  folder.write('certs/client.pem', pki.clientCert);
  folder.write('certs/client-key.pem', pki.clientKey);
});
afterAll(() => folder.remove());

async function withServer(tls: ServerTls, body: (server: GrpcServerHandle) => Promise<void>): Promise<void> {
  const server = await startGrpcServer({ service, behaviours: new Map([['Unary', ECHO]]), tls });
  try {
    await body(server);
  } finally {
    await server.close(200);
  }
}

async function unary(
  address: string,
  tls: ReturnType<typeof readClientTls>,
): Promise<{ codeName: string; details: string }> {
  const client = createGrpcClient(service, { address, tls });
  try {
    return await client.call('Unary', { deadlineMs: 3000, request: () => ({ name: 'tls', n: 1 }) });
  } finally {
    client.close();
  }
}

describe('gRPC over TLS with a selfsigned CA (real grpc-js on loopback)', () => {
  it('a client trusting the CA (file relative to the flow folder) calls a TLS server', async () => {
    await withServer({ cert: pki.serverCert, key: pki.serverKey }, async (server) => {
      const tls = readClientTls({ ...TLS_OFF, enabled: true, caFile: 'certs/ca.pem' }, folder.dir);
      expect(await unary(`127.0.0.1:${server.port}`, tls)).toMatchObject({ codeName: 'OK' });
      // The certificate names localhost too; dialling it by name verifies as well.
      expect(await unary(`localhost:${server.port}`, tls)).toMatchObject({ codeName: 'OK' });
    });
  });

  it('a client on the system roots does not trust the test CA: UNAVAILABLE, not a hang', async () => {
    await withServer({ cert: pki.serverCert, key: pki.serverKey }, async (server) => {
      const tls = readClientTls({ ...TLS_OFF, enabled: true }, folder.dir);
      const result = await unary(server.address, tls);
      expect(result.codeName).toBe('UNAVAILABLE');
    });
  });

  it('a plain-text client cannot talk to a TLS server', async () => {
    await withServer({ cert: pki.serverCert, key: pki.serverKey }, async (server) => {
      expect((await unary(server.address, undefined)).codeName).toBe('UNAVAILABLE');
    });
  });

  it('mutual TLS: a client with the CA-signed certificate gets through, one without is refused', async () => {
    await withServer(
      { cert: pki.serverCert, key: pki.serverKey, ca: pki.caCert, requireClientCert: true },
      async (server) => {
        const withCert = readClientTls(
          {
            ...TLS_OFF,
            enabled: true,
            caFile: 'certs/ca.pem',
            certFile: 'certs/client.pem',
            keyFile: 'certs/client-key.pem',
          },
          folder.dir,
        );
        expect(await unary(server.address, withCert)).toMatchObject({ codeName: 'OK' });
        const without = readClientTls({ ...TLS_OFF, enabled: true, caFile: 'certs/ca.pem' }, folder.dir);
        expect((await unary(server.address, without)).codeName).toBe('UNAVAILABLE');
      },
    );
  });

  it('a missing certificate file is named with its field and path', () => {
    expect(() => readClientTls({ ...TLS_OFF, enabled: true, caFile: 'certs/nope.pem' }, folder.dir)).toThrow(
      /^tls\.caFile: cannot read .*certs\/nope\.pem \(ENOENT\)$/,
    );
  });
});
