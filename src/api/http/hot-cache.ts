// The fast path for dashboards polling the same query: byte-identical requests whose earlier answer
// was public and cacheable (Cache-Control from the schema's @cacheControl hints) are answered from
// memory, without entering Apollo. Apollo's response cache still covers the rest (the same operation
// sent as GET and POST, by persisted-query hash or in full); entries expire with their max-age.
import type { IncomingMessage } from 'node:http';

interface Entry {
  status: number;
  headers: [string, string][];
  body: Buffer;
  storedAt: number;
  expiresAt: number;
}

export interface CachedResponse {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

/** Requests larger than this are not worth keying on. */
const MAX_KEY_BYTES = 16 * 1024;

export class HotCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  /** The key of a request: everything Apollo's answer depends on. Null when the request is not cacheable. */
  static key(req: IncomingMessage, search: string, body: string | undefined, graphVersion: string): string | null {
    const source = req.method === 'POST' ? body : search;
    if (source === undefined || source.length > MAX_KEY_BYTES) return null;
    return `${graphVersion}\n${req.method}\n${req.headers['content-type'] ?? ''}\n${req.headers.accept ?? ''}\n${source}`;
  }

  get(key: string, now = Date.now()): CachedResponse | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.expiresAt <= now) {
      this.bytes -= entry.body.length + key.length;
      return null;
    }
    this.entries.set(key, entry); // most recently used last
    const age = String(Math.floor((now - entry.storedAt) / 1000));
    return { status: entry.status, headers: [...entry.headers, ['age', age]], body: entry.body };
  }

  /** Keeps a 200 answer whose Cache-Control is `max-age=N, public` with N > 0. */
  offer(key: string, status: number, headers: [string, string][], body: Buffer, now = Date.now()): void {
    const cacheControl = headers.find(([k]) => k.toLowerCase() === 'cache-control')?.[1] ?? '';
    const maxAge = Number(/^max-age=(\d+), public$/.exec(cacheControl)?.[1] ?? 0);
    if (status !== 200 || maxAge <= 0) return;
    const size = body.length + key.length;
    if (size > this.maxBytes / 16) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.length + key.length;
    }
    this.entries.set(key, { status, headers, body, storedAt: now, expiresAt: now + maxAge * 1000 });
    this.bytes += size;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.body.length + k.length;
    }
  }
}
