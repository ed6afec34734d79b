// Abusive requests against the real server over HTTP: each is refused with a message naming the
// limit and the value, and the server answers the next normal query.
import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { post, query, type Answer } from '../support/http.ts';
import { useSeededServer, startServer } from '../support/server.ts';


const fx = useSeededServer();

const NORMAL = 'query Normal { method(id: "method:snapkv") { name paperCount } }';

async function stillServes(): Promise<void> {
  const res = await query(fx.server.graphqlUrl, NORMAL);
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ data: { method: { name: 'SnapKV', paperCount: expect.any(Number) } } });
}

function refusal(res: Answer, status: number) {
  expect(res.status, res.text).toBe(status);
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors).toHaveLength(1);
  return res.body.errors[0] as { message: string; extensions: Record<string, unknown> };
}

const nested = (levels: number): string => (levels === 0 ? 'id' : `buildsOn { method { ${nested(levels - 1)} } }`);

describe('query shape limits', () => {
  it('refuses a query deeper than the depth limit', async () => {
    const res = await query(fx.server.graphqlUrl, `{ method(id: "method:snapkv") { ${nested(7)} } }`);
    const e = refusal(res, 400);
    expect(e.message).toBe('query depth 16 exceeds the limit of 12');
    expect(e.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth', max: 12, value: 16 });
    await stillServes();
  });

  it('refuses a query whose page sizes multiply past the cost limit, literal or through variables', async () => {
    const costly = (first: string) =>
      `query Costly${first === '$n' ? '($n: Int)' : ''} { methods(first: ${first}) { edges { node { mentionedIn(first: ${first}) { edges { node { methods { id name } } } } } } } }`;
    for (const [q, variables] of [
      [costly('100'), undefined],
      [costly('$n'), { n: 100 }],
    ] as const) {
      const e = refusal(await query(fx.server.graphqlUrl, q, variables), 400);
      expect(e.message).toMatch(/^query cost \d+ exceeds the limit of 100000$/);
      expect(e.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max: 100000 });
      expect(e.extensions.value).toBeGreaterThan(100000);
    }
    // The same shape with small pages is fine.
    const small = await query(fx.server.graphqlUrl, costly('$n'), { n: 5 });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
    await stillServes();
  });

  it('refuses too many aliases', async () => {
    const fields = Array.from({ length: 20 }, (_, i) => `a${i}: stats { papers }`).join(' ');
    const e = refusal(await query(fx.server.graphqlUrl, `{ ${fields} }`), 400);
    expect(e.message).toBe('alias count 20 exceeds the limit of 15');
    expect(e.extensions).toMatchObject({ limit: 'aliases', max: 15, value: 20 });
    await stillServes();
  });

  it('refuses too many directives', async () => {
    const fields = Array.from({ length: 25 }, () => 'papers @skip(if: false)').join(' ');
    const e = refusal(await query(fx.server.graphqlUrl, `{ stats { ${fields} } }`), 400);
    expect(e.message).toBe('directive count 25 exceeds the limit of 20');
    expect(e.extensions).toMatchObject({ limit: 'directives', max: 20, value: 25 });
    await stillServes();
  });

  it('refuses a document with too many tokens, counting them', async () => {
    const q = `{ stats { ${'papers '.repeat(2100)}} }`; // 3 + 2100 + 2 tokens, under the byte limit
    const e = refusal(await query(fx.server.graphqlUrl, q), 400);
    expect(e.message).toBe('token count 2105 exceeds the limit of 2000');
    expect(e.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', limit: 'tokens', max: 2000, value: 2105 });
    await stillServes();
  });

  it('caps lineage depth and path hops', async () => {
    const lineage = await query(fx.server.graphqlUrl, '{ lineage(id: "method:snapkv", depth: 9) { nodes { id } } }');
    expect(lineage.body.errors[0].message).toBe('Invalid argument "depth": must be between 1 and 5 (got 9)');
    expect(lineage.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const path = await query(fx.server.graphqlUrl, '{ path(from: "method:snapkv", to: "method:pyramidkv", maxHops: 10) { nodes { id } } }');
    expect(path.body.errors[0].message).toBe('Invalid argument "maxHops": must be between 1 and 6 (got 10)');
    await stillServes();
  });
});

describe('ordinary clients', () => {
  it('pass the limits: the playground\'s introspection query and a dashboard page of 100', async () => {
    const introspection = await query(fx.server.graphqlUrl, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(introspection.status).toBe(200);
    expect(introspection.body.data.__schema.queryType.name).toBe('Query');
    const page = await query(fx.server.graphqlUrl, '{ papers(first: 100) { totalCount edges { node { id title methods { id name } benchmarks { id name } } } } }');
    expect(page.body.errors).toBeUndefined();
    expect(page.body.data.papers.edges.length).toBe(100);
  });
});

describe('request size limits', () => {
  it('refuses query text over the byte limit', async () => {
    const q = `# ${'x'.repeat(25_000)}\n{ stats { papers } }`;
    const e = refusal(await query(fx.server.graphqlUrl, q), 413);
    expect(e.message).toBe(`query size ${Buffer.byteLength(q)} bytes exceeds the limit of 20000 bytes`);
    expect(e.extensions).toMatchObject({ code: 'BAD_REQUEST', limit: 'querySize', max: 20000, value: Buffer.byteLength(q) });
    await stillServes();
  });

  it('refuses a body over the byte limit', async () => {
    const body = JSON.stringify({ query: NORMAL, variables: { pad: 'x'.repeat(1_100_000) } });
    const e = refusal(await post(fx.server.graphqlUrl, body), 413);
    expect(e.message).toBe(`request body size ${Buffer.byteLength(body)} bytes exceeds the limit of 1000000 bytes`);
    expect(e.extensions).toMatchObject({ limit: 'bodySize', max: 1000000 });
    await stillServes();
  });

  it('refuses batched operations (a JSON array body)', async () => {
    const e = refusal(await post(fx.server.graphqlUrl, [{ query: NORMAL }, { query: NORMAL }, { query: NORMAL }]), 400);
    expect(e.message).toBe('batch size 3 exceeds the limit of 1');
    expect(e.extensions).toMatchObject({ code: 'BAD_REQUEST', limit: 'batch', max: 1, value: 3 });
    await stillServes();
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After and a GraphQL error once a client passes its requests per minute', async () => {
    const limited = await startServer(fx.graph.store, { rateLimitPerMinute: 3 });
    try {
      for (let i = 0; i < 3; i++) expect((await query(limited.graphqlUrl, NORMAL)).status).toBe(200);
      const res = await query(limited.graphqlUrl, NORMAL);
      const e = refusal(res, 429);
      expect(e.message).toBe('request rate 4 requests per minute exceeds the limit of 3 requests per minute');
      expect(e.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'rate', max: 3, value: 4 });
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(e.extensions.retryAfterSeconds).toBe(retryAfter);
      // Probes are not rate limited.
      expect((await fetch(new URL('/healthz', limited.url))).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('is off by default', async () => {
    for (let i = 0; i < 30; i++) expect((await query(fx.server.graphqlUrl, NORMAL)).status).toBe(200);
  });
});
