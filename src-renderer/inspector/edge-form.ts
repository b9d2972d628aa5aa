import { edgeConfigSchema, type EdgeConfig } from '@shared/flow/edge-config';
import type { NodeKind } from '@shared/flow/node-kinds';
import { formatPath } from '@shared/flow/problems';

/** Which settings an edge offers, from the kinds it joins and the exchange's type. */
export type EdgeSettings = { kind: 'binding'; exchangeType: string } | { kind: 'policy' } | { kind: 'none' };

const CALLERS: readonly NodeKind[] = [
  'restClient',
  'grpcClient',
  'graphqlClient',
  'apiGateway',
  'sagaOrchestrator',
];
const CALLEES: readonly NodeKind[] = ['restService', 'grpcService', 'graphqlService', 'apiGateway'];

/** Exchange → queue/exchange edges carry a binding; calls into a service may carry a mesh policy. */
export function edgeSettings(
  source: { kind: NodeKind; config: Record<string, unknown> },
  target: { kind: NodeKind },
): EdgeSettings {
  if (source.kind === 'rabbitExchange') {
    const type = typeof source.config.type === 'string' ? source.config.type : 'direct';
    return { kind: 'binding', exchangeType: type };
  }
  if (CALLERS.includes(source.kind) && CALLEES.includes(target.kind)) return { kind: 'policy' };
  return { kind: 'none' };
}

/** The edge config's errors by field (`pattern`, `headerMatch.headers`), for inline messages. */
export function edgeConfigErrors(config: EdgeConfig | undefined): Record<string, string> {
  const res = edgeConfigSchema.safeParse(config ?? {});
  if (res.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of res.error.issues) errors[formatPath(issue.path)] ??= issue.message;
  return errors;
}
