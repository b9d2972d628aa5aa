import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import protobuf from 'protobufjs';

export interface UnaryMethod {
  name: string;
  /** `/package.Service/Method`, the HTTP/2 path and our trace destination. */
  path: string;
  requestType: string;
  responseType: string;
  requestStream: boolean;
  responseStream: boolean;
}

export interface LoadedService {
  fullName: string;
  methods: UnaryMethod[];
  /** The grpc-js service definition to host it. */
  definition: grpc.ServiceDefinition;
  /** The generated client constructor. */
  Client: grpc.ServiceClientConstructor;
  /** Verifies a request or response object against its message type; null when valid. */
  verify(typeName: string, value: Record<string, unknown>): string | null;
}

export class ProtoError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    /** The .proto file (relative to the flow's folder) the error is in, when several are loaded. */
    readonly file?: string,
    readonly column?: number,
  ) {
    super(message);
  }
}

const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
};

/**
 * Parses .proto source and returns one service ready to host or call. Errors carry the
 * parser's own message and line, e.g. `illegal token '}' (line 4)`.
 */
export function loadProtoService(source: string, serviceName: string): LoadedService {
  let root: protobuf.Root;
  try {
    root = protobuf.parse(source, { keepCase: true }).root;
    root.resolveAll();
  } catch (err) {
    const message = (err as Error).message;
    const line = /line (\d+)/.exec(message);
    throw new ProtoError(message, line ? Number(line[1]) : undefined);
  }
  return serviceFromRoot(root, serviceName);
}

/**
 * One service of an already parsed and resolved root, ready to host or call. Throws
 * ProtoError naming the services that do exist when `serviceName` is not one of them.
 */
export function serviceFromRoot(root: protobuf.Root, serviceName: string): LoadedService {
  const found = root.lookup(serviceName);
  if (!(found instanceof protobuf.Service)) {
    const names = listServices(root);
    throw new ProtoError(
      `service "${serviceName}" is not defined in the .proto${names.length ? ` (it defines ${names.join(', ')})` : ' (it defines no service)'}`,
    );
  }
  const fullName = found.fullName.replace(/^\./, '');
  const pkg = protoLoader.fromJSON(root.toJSON(), LOADER_OPTIONS);
  const loaded = grpc.loadPackageDefinition(pkg);
  const Client = fullName
    .split('.')
    .reduce<unknown>(
      (obj, key) => (obj as Record<string, unknown>)[key],
      loaded,
    ) as grpc.ServiceClientConstructor;
  const methods = found.methodsArray.map((m) => ({
    name: m.name,
    path: `/${fullName}/${m.name}`,
    requestType: m.resolvedRequestType?.fullName.replace(/^\./, '') ?? m.requestType,
    responseType: m.resolvedResponseType?.fullName.replace(/^\./, '') ?? m.responseType,
    requestStream: Boolean(m.requestStream),
    responseStream: Boolean(m.responseStream),
  }));
  return {
    fullName,
    methods,
    definition: Client.service,
    Client,
    verify(typeName, value) {
      const type = root.lookupType(typeName);
      return type.verify(value);
    },
  };
}

function listServices(root: protobuf.Root): string[] {
  const out: string[] = [];
  const walk = (ns: protobuf.NamespaceBase): void => {
    for (const child of ns.nestedArray) {
      if (child instanceof protobuf.Service) out.push(child.fullName.replace(/^\./, ''));
      if (child instanceof protobuf.Namespace) walk(child);
    }
  };
  walk(root);
  return out;
}
