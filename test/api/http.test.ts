// HTTP behaviour of the server: probes, CORS, persisted queries, the response cache, mounted routes,
// and request errors. An empty migrated store is enough here; queries on real data are in queries.test.ts.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../support/http.ts';
import { counting, emptyGraph, type SeedGraph, type StoreCall } from '../support/seed.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { COUNTS_A, corpusA } from '../store/fixtures.ts';

let graph: SeedGraph;
let server: RunningServer;
let restricted: RunningServer;
const calls: StoreCall[] = [];

beforeAll(async () => {
  graph = await emptyGraph();
  server = await startServer(counting(graph.store, calls), {
    routes: [
      { path: '/explore', handler: (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('explorer') },
      { path: '/declines', handler: () => false },
    ],
  });
  restricted = await startServer(graph.store, { corsOrigins: ['https://dashboard.example'] });
});

afterAll(async () => {
  await server?.close();
  await restricted?.close();
  await graph?.close();
});

describe('probes', () => {
  it('reports liveness and store readiness', async () => {
    const live = await fetch(new URL('/healthz', server.url));
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(new URL('/readyz', server.url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', store: 'embedded' });
  });
});

describe('CORS', () => {
  it('allows any origin by default and answers preflights', async () => {
    const pre = await fetch(server.graphqlUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://x.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')).toContain('content-type');
  });

  it('echoes only configured origins', async () => {
    const ok = await fetch(`${restricted.graphqlUrl}?query={stats{papers}}`, { headers: { origin: 'https://dashboard.example' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://dashboard.example');
    expect(ok.headers.get('vary')).toContain('Origin');
    const other = await fetch(`${restricted.graphqlUrl}?query={stats{papers}}`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('caching', () => {
  it('answers repeated public queries from memory, with Cache-Control and Age headers', async () => {
    const query = '{ stats { papers methods relationships } }';
    calls.length = 0;
    const first = await gql(server.graphqlUrl, query);
    expect(first.data.stats.papers).toBe(0);
    expect(first.headers.get('cache-control')).toBe('max-age=60, public');
    expect(calls.map((c) => c.method)).toEqual(['counts']);
    // Byte-identical request: the server's hot cache, before Apollo.
    const second = await gql(server.graphqlUrl, query);
    expect(second.data).toEqual(first.data);
    expect(second.headers.get('age')).toMatch(/^\d+$/);
    expect(second.headers.get('access-control-allow-origin')).toBe('*');
    // The same operation as a GET (same Accept: the answer's media type depends on it) is the same entry.
    const viaGet = await fetch(`${server.graphqlUrl}?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/graphql-response+json' } });
    expect(((await viaGet.json()) as { data: unknown }).data).toEqual(first.data);
    expect(calls.map((c) => c.method)).toEqual(['counts']);
  });

  it('never answers from a cache filled before a load published a new graph', async () => {
    const own = await emptyGraph();
    const fresh = await startServer(own.store);
    try {
      const query = '{ stats { papers } }';
      const viaGet = async () => ((await (await fetch(`${fresh.graphqlUrl}?query=${encodeURIComponent(query)}`)).json()) as any).data.stats.papers;
      expect((await gql(fresh.graphqlUrl, query)).data.stats.papers).toBe(0);
      expect((await gql(fresh.graphqlUrl, query)).headers.get('age')).toMatch(/^\d+$/);
      expect(await viaGet()).toBe(0);
      await own.store.upsert(corpusA());
      expect((await gql(fresh.graphqlUrl, query)).data.stats.papers).toBe(COUNTS_A.nodes.Paper);
      expect(await viaGet()).toBe(COUNTS_A.nodes.Paper);
    } finally {
      await fresh.close();
      await own.close();
    }
  });

  it('does not cache answers with errors', async () => {
    const query = '{ trends(by: YEAR, concept: "concept:nope") { count } }';
    calls.length = 0;
    const first = await gql(server.graphqlUrl, query);
    expect(first.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(first.headers.get('cache-control')).toBe('no-store');
    await gql(server.graphqlUrl, query);
    expect(calls.map((c) => c.method)).toEqual(['nodesByIds', 'nodesByIds']);
  });

  it('supports automatic persisted queries', async () => {
    const query = '{ trends(by: YEAR) { bucket count } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
    const url = (withQuery: boolean, variables = '') =>
      `${server.graphqlUrl}?extensions=${encodeURIComponent(extensions)}${withQuery ? `&query=${encodeURIComponent(query)}` : ''}${variables}`;
    const unknown = await (await fetch(url(false))).json();
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    calls.length = 0;
    expect((await (await fetch(url(true))).json()).data.trends).toEqual([]);
    // By hash alone: Apollo knows the query now (other variables, so the response cache cannot answer).
    expect((await (await fetch(url(false, `&variables=${encodeURIComponent('{"unused":1}')}`))).json()).data.trends).toEqual([]);
    expect(calls.map((c) => c.method)).toEqual(['trends', 'trends']);
    // By hash, as first sent: the cached answer of the request that carried the query.
    expect((await (await fetch(url(false))).json()).data.trends).toEqual([]);
    expect(calls).toHaveLength(2);
  });
});

describe('routes and request errors', () => {
  it('mounts extra GET routes on a path and everything below it', async () => {
    expect(await (await fetch(new URL('/explore', server.url))).text()).toBe('explorer');
    expect(await (await fetch(new URL('/explore/app.js', server.url))).text()).toBe('explorer');
    expect((await fetch(new URL('/explorer', server.url))).status).toBe(404);
    expect((await fetch(new URL('/declines', server.url))).status).toBe(404);
    expect((await fetch(new URL('/explore', server.url), { method: 'POST' })).status).toBe(405);
  });

  it('rejects malformed and oversized bodies with 4xx and a JSON error', async () => {
    const bad = await fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].message).toMatch(/not valid JSON/);
    const huge = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ stats { papers } } #${'x'.repeat(1_100_000)}` }),
    });
    expect(huge.status).toBe(413);
  });

  it('never sends stack traces, and hides unexpected errors behind a generic message', async () => {
    const res = await gql(server.graphqlUrl, '{ papers(first: -1) { totalCount } }');
    expect(res.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'first', requestId: expect.any(String) });
    const broken = await startServer(
      new Proxy(graph.store, {
        get: (t, p, r) => (p === 'counts' ? () => Promise.reject(new Error('MATCH (n) secret cypher')) : Reflect.get(t, p, r)),
      }),
    );
    try {
      const failed = await gql(broken.graphqlUrl, '{ stats { papers } }');
      expect(failed.errors![0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(JSON.stringify(failed)).not.toMatch(/secret|stacktrace/);
    } finally {
      await broken.close();
    }
  });
});
