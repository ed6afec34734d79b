// The response cache, in front of Apollo: a request for an operation whose earlier answer was public
// and cacheable (Cache-Control from the schema's @cacheControl hints) is answered from memory without
// entering Apollo, until its max-age runs out or a load publishes a new graph. The same operation
// sent as GET or POST, in full or by persisted-query hash, is one entry.
import type { IncomingMessage } from 'node:http';

/** A GraphQL request's parameters, from a JSON body or a GET query string (JSON-encoded values). */
export interface GraphQLParams {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

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
/** Byte-identical request forms remembered (the polling dashboards). */
const MAX_ALIASES = 10_000;

export class HotCache {
  private readonly entries = new Map<string, Entry>();
  /** A request's bytes -> the key of the entry that answers it: repeats skip parsing. */
  private readonly aliases = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  /**
   * The key of a request: everything the answer depends on (the graph, the negotiated media type, the
   * operation with its variables and name). Null when the request is not worth caching.
   */
  static key(req: IncomingMessage, params: GraphQLParams, graphVersion: string): string | null {
    const hash = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
    const operation = typeof hash === 'string' ? `#${hash}` : typeof params.query === 'string' ? params.query : null;
    if (operation === null) return null;
    const key = JSON.stringify([graphVersion, req.headers.accept ?? '', operation, params.variables ?? null, params.operationName ?? null]);
    return key.length > MAX_KEY_BYTES ? null : key;
  }

  /** A request as sent (its bytes, method and media types): identical repeats find their entry without parsing. */
  static requestKey(req: IncomingMessage, search: string, body: string | undefined, graphVersion: string): string | null {
    const source = req.method === 'POST' ? body : search;
    if (source === undefined || source.length > MAX_KEY_BYTES) return null;
    return `${graphVersion}\n${req.method}\n${req.headers['content-type'] ?? ''}\n${req.headers.accept ?? ''}\n${source}`;
  }

  /** The answer of an earlier request with the same requestKey, if still cached. */
  getByRequest(requestKey: string, now = Date.now()): CachedResponse | null {
    const key = this.aliases.get(requestKey);
    return key === undefined ? null : this.get(key, now);
  }

  /** Remembers that requests with `requestKey` are answered by the entry `key`. */
  alias(requestKey: string, key: string): void {
    this.aliases.delete(requestKey);
    this.aliases.set(requestKey, key);
    if (this.aliases.size > MAX_ALIASES) this.aliases.delete(this.aliases.keys().next().value!);
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

  /** Keeps a 200 answer whose Cache-Control is `max-age=N, public` with N > 0; says whether it did. */
  offer(key: string, status: number, headers: [string, string][], body: Buffer, now = Date.now()): boolean {
    const cacheControl = headers.find(([k]) => k.toLowerCase() === 'cache-control')?.[1] ?? '';
    const maxAge = Number(/^max-age=(\d+), public$/.exec(cacheControl)?.[1] ?? 0);
    if (status !== 200 || maxAge <= 0) return false;
    const size = body.length + key.length;
    if (size > this.maxBytes / 16) return false;
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
    return true;
  }
}
