import * as grpc from '@grpc/grpc-js';
import { metadataFromRecord } from './grpc-metadata';
import type { LoadedService } from './load-proto';
import type { MethodBehaviour } from './method-behaviour';
import { methodHandler, passBytesThrough } from './server-handlers';
import type { ServerCallHooks } from './server-hooks';
import { ServerCall } from './server-call';

/** PEM material for a TLS server; with `ca` and `requireClientCert` it asks for mutual TLS. */
export interface ServerTls {
  cert: Buffer | string;
  key: Buffer | string;
  ca?: Buffer | string;
  requireClientCert?: boolean;
}

export interface GrpcServerOptions {
  service: LoadedService;
  /** Behaviour per method name; a method without one answers UNIMPLEMENTED (and is recorded). */
  behaviours: ReadonlyMap<string, MethodBehaviour>;
  hooks?: ServerCallHooks;
  /** Defaults to 127.0.0.1 and a free port. */
  host?: string;
  port?: number;
  tls?: ServerTls;
}

export interface GrpcServerHandle {
  port: number;
  /** host:port to dial. */
  address: string;
  /** Stops accepting calls, lets running ones finish for up to `graceMs` (default 2000), then cuts them. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Hosts one service with grpc-js, every method answering per its behaviour (echo, template,
 * stream N items at an interval, delay, fail with a status) whatever its kind. Bad behaviour
 * metadata is refused here, before the port opens.
 */
export async function startGrpcServer(options: GrpcServerOptions): Promise<GrpcServerHandle> {
  const { service } = options;
  const hooks = options.hooks ?? {};
  const server = new grpc.Server();
  const impl: grpc.UntypedServiceImplementation = {};
  // A copy, so the loaded service keeps its own serializers.
  const definition: Record<string, grpc.MethodDefinition<unknown, unknown>> = { ...service.definition };
  for (const method of service.methods) {
    const behaviour = options.behaviours.get(method.name);
    const serialize = service.definition[method.name].responseSerialize as (value: unknown) => Buffer;
    if (!behaviour) {
      impl[method.name] = unimplemented(method.name, service, hooks);
      continue;
    }
    metadataFromRecord(behaviour.metadata, `${method.name} initial metadata`);
    metadataFromRecord(behaviour.trailers, `${method.name} trailing metadata`);
    if (behaviour.reply === 'template' && !behaviour.render)
      throw new Error(`${method.name}: a template reply needs a response template`);
    impl[method.name] = methodHandler({ method, behaviour, hooks, serialize });
    definition[method.name] = { ...definition[method.name], responseSerialize: passBytesThrough(serialize) };
  }
  server.addService(definition, impl);
  const host = options.host ?? '127.0.0.1';
  const credentials = options.tls
    ? grpc.ServerCredentials.createSsl(
        options.tls.ca ? Buffer.from(options.tls.ca) : null,
        [{ private_key: Buffer.from(options.tls.key), cert_chain: Buffer.from(options.tls.cert) }],
        Boolean(options.tls.requireClientCert),
      )
    : grpc.ServerCredentials.createInsecure();
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:${options.port ?? 0}`, credentials, (err, bound) =>
      err ? reject(err) : resolve(bound),
    ),
  );
  return {
    port,
    address: `${host}:${port}`,
    close: (graceMs = 2000) =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, graceMs);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}

function unimplemented(name: string, service: LoadedService, hooks: ServerCallHooks): grpc.UntypedHandleCall {
  const method = service.methods.find((m) => m.name === name) as LoadedService['methods'][number];
  const details = `${service.fullName}/${name} has no behaviour in this flow`;
  const behaviour: MethodBehaviour = {
    reply: 'fail',
    delayMs: 0,
    items: 1,
    intervalMs: 0,
    metadata: {},
    trailers: {},
  };
  return (
    call: grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>,
    callback?: grpc.sendUnaryData<unknown>,
  ) => {
    const state = new ServerCall(
      call,
      method,
      behaviour,
      hooks,
      'request' in call ? call.request : undefined,
    );
    const status = { code: grpc.status.UNIMPLEMENTED, details };
    if (callback) callback(status);
    else call.emit('error', status);
    state.end(status.code, details);
  };
}
