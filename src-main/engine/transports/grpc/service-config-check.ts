import type { GrpcServiceConfig } from '@shared/flow/kinds/services';
import { metadataFromRecord } from './grpc-metadata';
import type { LoadedService } from './load-proto';

/** A problem in a service node's config, at a field path such as `methods[1].response`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Checks a service node's per-method behaviours against its loaded .proto, before any
 * port opens: each entry names a method the service has, once; a template reply has a
 * template; a failure is not OK; metadata keys are ones gRPC accepts.
 */
export function checkServiceBehaviours(
  config: Pick<GrpcServiceConfig, 'methods'>,
  service: LoadedService,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const names = service.methods.map((m) => m.name);
  const seen = new Map<string, number>();
  config.methods.forEach((entry, i) => {
    const at = `methods[${i}]`;
    if (!names.includes(entry.method))
      problems.push({
        field: `${at}.method`,
        message: `names a method the service ${service.fullName} does not have (it has ${names.join(', ')})`,
      });
    const first = seen.get(entry.method);
    if (first !== undefined)
      problems.push({ field: `${at}.method`, message: `is listed twice (also methods[${first}])` });
    else seen.set(entry.method, i);
    if (entry.reply === 'template' && entry.response.trim() === '')
      problems.push({ field: `${at}.response`, message: 'is required when the reply is a template' });
    if (entry.reply === 'fail' && entry.failCode === 'OK')
      problems.push({ field: `${at}.failCode`, message: 'OK is not a failure; choose an error status' });
    for (const key of ['metadata', 'trailers'] as const) {
      try {
        metadataFromRecord(entry[key], key === 'metadata' ? 'initial metadata' : 'trailing metadata');
      } catch (err) {
        problems.push({ field: `${at}.${key}`, message: (err as Error).message });
      }
    }
  });
  return problems;
}
