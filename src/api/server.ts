// The HTTP server: GraphQL on /graphql (POST and GET), the GraphiQL playground on /, health
// probes, and GET routes mounted by the caller (e.g. the /explore page). Plain `http`, no framework.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import type { Config } from '../config/index.ts';
import { serveMetrics } from '../observability/metrics.ts';
import { assignRequestId } from '../observability/request-id.ts';
import { withStoreMetrics } from '../observability/store-metrics.ts';
import { loadLimits, type Limits } from '../security/limits.ts';
import { rateLimit } from '../security/rate-limit.ts';
import { withQueryTimeout } from '../security/store-timeout.ts';
import { StoreError } from '../store/errors.ts';
import type { GraphStore } from '../store/port.ts';
import { createApollo } from './apollo.ts';
import { createContext } from './context.ts';
import { applyCors } from './http/cors.ts';
import { handleGraphQL } from './http/graphql.ts';
import { HotCache } from './http/hot-cache.ts';
import { sendAsset, sendJson } from './http/respond.ts';
import { PLAYGROUND_PREFIX, playgroundAssets } from './playground/page.ts';

export const GRAPHQL_PATH = '/graphql';
const READY_TIMEOUT_MS = 2_000;
const DEFAULT_QUERY_TIMEOUT_MS = 10_000;

/**
 * An extra GET (and HEAD) route, e.g. `{ path: '/explore', handler: handleExplorer }`. It matches
 * its `path` exactly and every path below it (`/explore/main.js`); the handler writes the whole
 * response, or returns false to leave the request unanswered (the server then answers 404).
 */
export interface Route {
  path: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void | boolean | Promise<void | boolean>;
}

export interface ServerOptions {
  store: GraphStore;
  /** Without queryTimeoutMs: 10 s; without rateLimitPerMinute: no rate limit. */
  config: Pick<Config, 'corsOrigins' | 'production'> & Partial<Pick<Config, 'queryTimeoutMs' | 'rateLimitPerMinute'>>;
  logger?: Logger;
  /** Abuse limits; by default from the environment (src/security/limits.ts). */
  limits?: Limits;
  routes?: Route[];
}

export interface ApiServer {
  /**
   * Starts listening (port 0 = any free port; host defaults to 127.0.0.1). `url` is the base URL
   * without a trailing slash (`http://localhost:4000`), `graphqlUrl` the endpoint.
   */
  listen(port: number, host?: string): Promise<{ url: string; graphqlUrl: string; port: number }>;
  /** Stops accepting requests, lets in-flight ones finish, then closes. Does not close the store. */
  close(): Promise<void>;
}

function wantsHtml(req: IncomingMessage): boolean {
  return /\btext\/html\b/.test(String(req.headers.accept ?? ''));
}

export function createServer({ store: rawStore, config, logger = pino({ level: 'silent' }), limits = loadLimits(), routes = [] }: ServerOptions): ApiServer {
  const queryTimeoutMs = config.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  // Every store call is bounded by the query timeout and measured for /metrics.
  const store = withStoreMetrics(withQueryTimeout(rawStore, queryTimeoutMs));
  const httpServer = createHttpServer();
  // Asked on every request, so outside the per-call timeout and metrics (it is bookkeeping, not a query).
  // Null while the store cannot say (it is down): nothing is cached then, and Apollo reports the error.
  const graphVersion = () => rawStore.graphVersion().catch(() => null);
  const apollo = createApollo(httpServer, logger, { limits, queryTimeoutMs });
  const limitRate = rateLimit(config.rateLimitPerMinute ?? 0);
  const playground = playgroundAssets(GRAPHQL_PATH);
  // Production lets browsers keep the vendored bundles for a day; development revalidates them.
  const assetCache = config.production ? 'public, max-age=86400' : 'no-cache';
  const context = async () => createContext(store, logger);
  const hot = new HotCache();

  async function ready(res: ServerResponse): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        store.ping(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new StoreError('TIMEOUT', 'store ping timed out')), READY_TIMEOUT_MS))),
      ]);
      sendJson(res, 200, { status: 'ready', store: store.kind });
    } catch (err) {
      logger.warn({ err }, 'readiness check failed');
      // The code only: store messages can name hosts and file paths; the log has the rest.
      sendJson(res, 503, { status: 'unavailable', store: store.kind, reason: err instanceof StoreError ? err.code : 'INTERNAL' });
    } finally {
      clearTimeout(timer);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    assignRequestId(req, res);
    if (applyCors(req, res, config.corsOrigins)) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const isGet = req.method === 'GET' || req.method === 'HEAD';

    if (path === GRAPHQL_PATH) {
      if (limitRate(req, res)) return;
      // A browser opening the endpoint gets the playground; clients asking for JSON get GraphQL.
      if (isGet && wantsHtml(req) && !url.searchParams.has('query') && !url.searchParams.has('extensions')) {
        return sendAsset(req, res, playground.page, 'no-cache');
      }
      return handleGraphQL(apollo, context, hot, graphVersion, req, res, url, limits);
    }
    if (!isGet) return sendJson(res, 405, { error: `${req.method} is not allowed on ${path}` });
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') return ready(res);
    if (path === '/metrics') return serveMetrics(req, res);
    if (path === '/') return sendAsset(req, res, playground.page, 'no-cache');
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    if (path.startsWith(PLAYGROUND_PREFIX)) {
      const asset = playground.assets.get(path.slice(PLAYGROUND_PREFIX.length));
      if (asset) return sendAsset(req, res, asset, path.endsWith('init.js') ? 'no-cache' : assetCache);
    }
    const route = routes.find((r) => path === r.path || path.startsWith(r.path.replace(/\/$/, '') + '/'));
    if (route && (await route.handler(req, res)) !== false) return;
    sendJson(res, 404, { error: `nothing at ${path}`, see: [GRAPHQL_PATH, '/'] });
  }

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      logger.error({ err, url: req.url, requestId: res.getHeader('x-request-id') }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal server error' });
      else res.destroy();
    });
  });

  let started: Promise<void> | undefined;
  return {
    async listen(port, host = '127.0.0.1') {
      await (started ??= apollo.start());
      // The store opens its graph (the embedded memory read model copies it) before the first request;
      // a store without a graph yet still starts, and says so per request.
      await rawStore.graphVersion().catch(() => undefined);
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
      const actual = (httpServer.address() as AddressInfo).port;
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
      const url = `http://${shown}:${actual}`;
      return { url, graphqlUrl: `${url}${GRAPHQL_PATH}`, port: actual };
    },
    async close() {
      // apollo.stop() drains and closes the http server (drain plugin) once started.
      if (started) await apollo.stop();
      else if (httpServer.listening) await new Promise((r) => httpServer.close(r));
    },
  };
}
