import * as grpc from '@grpc/grpc-js';
import type { GrpcStatusName } from '@shared/flow/kinds/services';

/** The name of a gRPC status code, e.g. 4 → DEADLINE_EXCEEDED; unknown codes stay numeric. */
export function statusName(code: number): string {
  return grpc.status[code] ?? String(code);
}

/** The grpc-js code of a status name from a flow's config. */
export function statusCode(name: GrpcStatusName): grpc.status {
  return grpc.status[name];
}

/** How a finished call ended, as recorded and shown: `DEADLINE_EXCEEDED: Deadline exceeded`. */
export function statusText(code: number, details: string): string {
  return details ? `${statusName(code)}: ${details}` : statusName(code);
}
