import type { GrpcClientConfig } from '@shared/flow/kinds/services';
import { readClientTls } from './client-tls';
import type { GrpcTarget } from './grpc-client';
import { ProtoError, type LoadedService, type UnaryMethod } from './load-proto';
import { loadFlowProtoService } from './proto-files';

/** A config problem that names the field it is in. */
export class ConfigFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** What a client node calls when its `address` points outside the flow. */
export interface ExternalCall {
  service: LoadedService;
  method: UnaryMethod;
  target: GrpcTarget;
}

/**
 * Resolves a client node's external target from its config: the .proto (a file in the flow's
 * folder or inline source), the service and method, the address and TLS files. Throws
 * ConfigFieldError naming the field at fault.
 */
export function externalCall(config: GrpcClientConfig, flowDir: string | null): ExternalCall {
  if (!config.address)
    throw new ConfigFieldError('address', 'is empty; connect the client to a service node or give host:port');
  if (!config.protoFile && !config.proto.trim())
    throw new ConfigFieldError(
      'protoFile',
      "an external service needs its .proto: a file in the flow's folder or inline source",
    );
  if (!config.service)
    throw new ConfigFieldError('service', 'name the service to call, e.g. helloworld.Greeter');
  let service: LoadedService;
  try {
    service = loadFlowProtoService(
      {
        flowDir,
        protoFile: config.protoFile || undefined,
        source: config.proto,
        sourceName: '(inline .proto)',
      },
      config.service,
    );
  } catch (err) {
    const notDefined = err instanceof ProtoError && /service ".*" is not defined/.test(err.message);
    const field = notDefined ? 'service' : config.protoFile ? 'protoFile' : 'proto';
    throw new ConfigFieldError(field, (err as Error).message);
  }
  const names = service.methods.map((m) => m.name);
  const method =
    service.methods.find((m) => m.name === config.method) ??
    (config.method === '' && service.methods.length === 1 ? service.methods[0] : undefined);
  if (!method)
    throw new ConfigFieldError(
      'method',
      config.method
        ? `${service.fullName} has no method ${config.method} (it has ${names.join(', ')})`
        : `choose a method of ${service.fullName} (${names.join(', ')})`,
    );
  let tls: GrpcTarget['tls'];
  try {
    tls = readClientTls(config.tls, flowDir);
  } catch (err) {
    const field = /^tls\.\w+/.exec((err as Error).message)?.[0] ?? 'tls';
    throw new ConfigFieldError(field, (err as Error).message.replace(/^tls\.\w+: /, ''));
  }
  return { service, method, target: { address: config.address, tls } };
}
