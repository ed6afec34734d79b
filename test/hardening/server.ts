// The real API server for the hardening tests, with a log captured in memory and raw HTTP helpers
// (the abuse tests need bodies no GraphQL client would send).
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import { createServer } from '../../src/api/server.ts';
import { loadLimits, type Limits } from '../../src/security/limits.ts';
import type { GraphStore } from '../../src/store/port.ts';

export interface ServeOptions {
  production?: boolean;
  queryTimeoutMs?: number;
  rateLimitPerMinute?: number;
  limits?: Partial<Limits>;
}

export interface Served {
  url: string;
  graphqlUrl: string;
  /** Parsed JSON log lines written so far. */
  logs: Record<string, any>[];
  close(): Promise<void>;
}

export function memoryLogger(): { logger: Logger; logs: Record<string, any>[] } {
  const logs: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), logs };
}

export async function serve(store: GraphStore, opts: ServeOptions = {}): Promise<Served> {
  const { logger, logs } = memoryLogger();
  const server = createServer({
    store,
    config: {
      corsOrigins: ['*'],
      production: opts.production ?? false,
      queryTimeoutMs: opts.queryTimeoutMs ?? 10_000,
      rateLimitPerMinute: opts.rateLimitPerMinute ?? 0,
    },
    limits: { ...loadLimits({}), ...opts.limits },
    logger,
  });
  const { url, graphqlUrl } = await server.listen(0, '127.0.0.1');
  return { url, graphqlUrl, logs, close: () => server.close() };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

/** POSTs `body` (an object is sent as JSON, a string as is). */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

export const query = (url: string, q: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
  post(url, { query: q, variables }, headers);
