// Shared by the API tests: the seed corpus loaded through the real pipeline into a temporary
// embedded store, the real server on a free port, and a small GraphQL-over-HTTP client.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPaths } from '../../loaders/pipeline.ts';
import { loadConfig } from '../../src/config/index.ts';
import { openStore } from '../../src/store/index.ts';
import type { GraphStore } from '../../src/store/port.ts';
import { createServer, type Route } from '../../src/api/server.ts';

export const SEED_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
/** Fixed so dates without a year resolve the same on every run. */
export const AS_OF = '2025-12-31';

export interface SeedGraph {
  store: GraphStore;
  dataDir: string;
  close(): Promise<void>;
}

/** A migrated embedded store in a temporary directory, empty unless `load` is set. */
async function tempGraph(load: boolean): Promise<SeedGraph> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kg-api-test-'));
  const config = loadConfig({ dataDir, store: 'embedded' }, {});
  const store = await openStore(config, { readOnly: false });
  await store.migrate();
  if (load) await loadPaths(store, [SEED_DIR], { asOf: AS_OF });
  return {
    store,
    dataDir,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The seed corpus (data/) loaded through the real pipeline. */
export const seedGraph = () => tempGraph(true);
/** A migrated, empty graph: enough for tests of HTTP behaviour. */
export const emptyGraph = () => tempGraph(false);

export interface StoreCall {
  method: string;
  args: unknown[];
}

/** The store with every method call recorded in `calls`. */
export function counting(store: GraphStore, calls: StoreCall[]): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push({ method: String(prop), args });
        return value.apply(target, args);
      };
    },
  });
}

export interface RunningServer {
  url: string;
  graphqlUrl: string;
  close(): Promise<void>;
}

export async function startServer(store: GraphStore, opts: { corsOrigins?: string[]; routes?: Route[] } = {}): Promise<RunningServer> {
  const server = createServer({
    store,
    config: { corsOrigins: opts.corsOrigins ?? ['*'], production: false },
    routes: opts.routes,
  });
  const { url, graphqlUrl } = await server.listen(0, '127.0.0.1');
  return { url, graphqlUrl, close: () => server.close() };
}

export interface GqlResult<T = any> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export async function gql<T = any>(url: string, query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GqlResult<T>, 'status' | 'headers'>;
  return { status: res.status, headers: res.headers, ...body };
}

/** `gql` that fails the test on any GraphQL error and returns the data. */
export async function data<T = any>(url: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await gql<T>(url, query, variables);
  if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data!;
}
