import type { EdgeConfig } from './edge-config';

/**
 * The text an edge shows on the canvas: its binding (routing key, topic pattern, header
 * match), the method it calls, the router output it leaves from and an attached policy.
 * Empty when there is nothing to say, so plain connections stay unlabelled.
 */
export function edgeLabel(
  config: EdgeConfig | undefined,
  sourceHandle: string | null | undefined,
  targetHandle: string | null | undefined,
): string {
  const parts: string[] = [];
  if (sourceHandle) parts.push(sourceHandle);
  if (config?.routingKey) parts.push(config.routingKey);
  if (config?.pattern) parts.push(config.pattern);
  const headers = Object.entries(config?.headerMatch?.headers ?? {});
  if (headers.length > 0) {
    const pairs = headers.map(([k, v]) => `${k}=${v}`).join(', ');
    parts.push(`${config?.headerMatch?.xMatch ?? 'all'}: ${pairs}`);
  }
  if (targetHandle) parts.push(targetHandle);
  if (config?.policy) parts.push(`⊛ ${config.policy}`);
  return parts.join(' · ');
}
