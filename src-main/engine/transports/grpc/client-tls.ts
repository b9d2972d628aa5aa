import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import type { GrpcClientConfig } from '@shared/flow/kinds/services';

/** PEM material for a TLS client. No `ca` trusts the system roots; `cert` + `key` is mutual TLS. */
export interface ClientTls {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  /** Verify the server certificate against this name instead of the dialled host. */
  serverName?: string;
}

/** grpc-js credentials and channel options for a target, plain text when `tls` is absent. */
export function channelCredentials(tls: ClientTls | undefined): {
  credentials: grpc.ChannelCredentials;
  options: grpc.ChannelOptions;
} {
  if (!tls) return { credentials: grpc.credentials.createInsecure(), options: {} };
  if (Boolean(tls.cert) !== Boolean(tls.key))
    throw new Error('TLS: a client certificate needs its key, and a key its certificate');
  const credentials = grpc.credentials.createSsl(tls.ca ?? null, tls.key ?? null, tls.cert ?? null);
  const options: grpc.ChannelOptions = tls.serverName
    ? { 'grpc.ssl_target_name_override': tls.serverName, 'grpc.default_authority': tls.serverName }
    : {};
  return { credentials, options };
}

/**
 * Reads the PEM files a client node's TLS settings name; relative paths are taken from the
 * flow's folder. Undefined when TLS is off. Errors name the field and the path.
 */
export function readClientTls(tls: GrpcClientConfig['tls'], flowDir: string | null): ClientTls | undefined {
  if (!tls.enabled) return undefined;
  const read = (field: 'caFile' | 'certFile' | 'keyFile'): Buffer | undefined => {
    const path = tls[field];
    if (!path) return undefined;
    if (!isAbsolute(path) && flowDir === null)
      throw new Error(`tls.${field}: "${path}" is relative, but the flow is not saved in a folder yet`);
    const full = isAbsolute(path) ? path : resolve(flowDir as string, path);
    try {
      return readFileSync(full);
    } catch (err) {
      throw new Error(
        `tls.${field}: cannot read ${full} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      );
    }
  };
  return {
    ca: read('caFile'),
    cert: read('certFile'),
    key: read('keyFile'),
    serverName: tls.serverName || undefined,
  };
}
