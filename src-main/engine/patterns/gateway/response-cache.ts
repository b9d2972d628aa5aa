/** A cached upstream answer. */
export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * The gateway's response cache: entries live `ttlMs` from when they were stored and the
 * oldest go first past `maxEntries`. Time is passed in.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { response: CachedResponse; expiresAt: number }>();

  constructor(private readonly maxEntries = 1000) {}

  get(key: string, nowMs: number): CachedResponse | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (nowMs >= e.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return e.response;
  }

  set(key: string, response: CachedResponse, ttlMs: number, nowMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { response, expiresAt: nowMs + ttlMs });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
