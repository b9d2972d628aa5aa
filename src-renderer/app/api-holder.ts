import type { AppInfo, FlowbenchApi } from '@shared/api/contract';

/**
 * The one connected API object and what the engine said about itself. Set once at boot,
 * before any view that calls the API is mounted, so actions can read it without a hook.
 */
let current: { api: FlowbenchApi; info: AppInfo } | null = null;

export function setConnectedApi(api: FlowbenchApi, info: AppInfo): void {
  current = { api, info };
}

/** The connected API; throws if called before boot finished (a programming error). */
export function api(): FlowbenchApi {
  if (!current) throw new Error('the Flowbench API is not connected yet');
  return current.api;
}

/** The engine's app info; throws if called before boot finished. */
export function appInfo(): AppInfo {
  if (!current) throw new Error('the Flowbench API is not connected yet');
  return current.info;
}

/** Error text for the user from anything an API call rejected with. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err && typeof err === 'object' && 'message' in err)
    return String((err as { message: unknown }).message);
  return String(err);
}
