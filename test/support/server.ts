// The real API server on a free port, with its log captured in memory.
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { createServer, type Route } from '../../src/api/server.ts';
import { loadLimits, type Limits } from '../../src/security/limits.ts';
import type { GraphStore } from '../../src/store/port.ts';
import { seedGraph, type SeedGraph } from './seed.ts';

export interface ServeOptions {
  corsOrigins?: string[];
  routes?: Route[];
  production?: boolean;
  queryTimeoutMs?: number;
  rateLimitPerMinute?: number;
  limits?: Partial<Limits>;
}

export interface RunningServer {
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

export async function startServer(store: GraphStore, opts: ServeOptions = {}): Promise<RunningServer> {
  const { logger, logs } = memoryLogger();
  const server = createServer({
    store,
    config: {
      corsOrigins: opts.corsOrigins ?? ['*'],
      production: opts.production ?? false,
      queryTimeoutMs: opts.queryTimeoutMs ?? 10_000,
      rateLimitPerMinute: opts.rateLimitPerMinute ?? 0,
    },
    limits: { ...loadLimits({}), ...opts.limits },
    routes: opts.routes,
    logger,
  });
  const { url, graphqlUrl } = await server.listen(0, '127.0.0.1');
  return { url, graphqlUrl, logs, close: () => server.close() };
}

export interface SeededServer {
  graph: SeedGraph;
  server: RunningServer;
}

/**
 * Registers this file's hooks: the seed graph loaded once, served by the real server (its store
 * optionally wrapped, e.g. to count or break calls), both closed at the end. Read the fields inside tests.
 */
export function useSeededServer(opts: ServeOptions & { wrap?: (store: GraphStore) => GraphStore } = {}): SeededServer {
  const fx = {} as SeededServer;
  beforeAll(async () => {
    fx.graph = await seedGraph();
    fx.server = await startServer(opts.wrap ? opts.wrap(fx.graph.store) : fx.graph.store, opts);
  });
  afterAll(async () => {
    await fx.server?.close();
    await fx.graph?.close();
  });
  return fx;
}
