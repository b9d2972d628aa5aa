import * as grpc from '@grpc/grpc-js';
import type { LoadedService } from './load-proto';

/** Told the size of each protobuf message a client encodes (`out`) or decodes (`in`). */
export type OnMessageBytes = (direction: 'out' | 'in', bytes: number) => void;

/**
 * A client constructor for `service` whose (de)serializers report each message's encoded
 * size: the protobuf payload as it goes on the wire (without the 5-byte gRPC frame header
 * and HTTP/2 framing), measured where it is encoded, not estimated.
 */
export function countedClientConstructor(
  service: LoadedService,
  onBytes: OnMessageBytes,
): grpc.ServiceClientConstructor {
  const counted: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  for (const [name, method] of Object.entries(service.definition)) {
    counted[name] = {
      ...method,
      requestSerialize: (value: unknown) => {
        const bytes = method.requestSerialize(value);
        onBytes('out', bytes.length);
        return bytes;
      },
      responseDeserialize: (bytes: Buffer) => {
        onBytes('in', bytes.length);
        return method.responseDeserialize(bytes);
      },
    };
  }
  return grpc.makeClientConstructor(counted, service.fullName);
}
