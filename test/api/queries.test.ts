// The API on the seed graph (data/ loaded through the real pipeline) over real HTTP: the questions
// the API exists to answer, pagination, both directions of links, and the error contract.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dashboard } from '../../examples/dashboard.ts';
import { exampleQueries } from '../../src/api/playground/page.ts';
import { data, gql } from '../support/http.ts';
import { useSeededServer } from '../support/server.ts';

const q = <T = any>(query: string, variables?: Record<string, unknown>) => data<T>(fx.server.graphqlUrl, query, variables);

const fx = useSeededServer();

interface Edge {
  source: string;
  target: string;
  type: string;
  evidence: string | null;
  paper: { id: string; title: string | null } | null;
}

describe('lineage', () => {
  it('keeps at most maxNodes nodes, nearest first, says so, and leaves no dangling edge', async () => {
    const full = await q(`{ lineage(id: "method:multi-head-attention", depth: 3) { truncated nodes { id } edges { source target } } }`);
    expect(full.lineage.truncated).toBe(false);
    expect(full.lineage.nodes.length).toBeGreaterThan(4);
    const { lineage } = await q(`{ lineage(id: "method:multi-head-attention", depth: 3, maxNodes: 4) { truncated nodes { id } edges { source target } } }`);
    expect(lineage.truncated).toBe(true);
    expect(lineage.nodes).toHaveLength(4);
    expect(lineage.nodes[0].id).toBe('method:multi-head-attention');
    const ids = new Set(lineage.nodes.map((n: { id: string }) => n.id));
    for (const e of lineage.edges) expect(ids.has(e.source) && ids.has(e.target), `${e.source} -> ${e.target}`).toBe(true);
    const res = await gql(fx.server.graphqlUrl, `{ lineage(id: "method:multi-head-attention", maxNodes: 0) { truncated } }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'maxNodes' });
  });

  it('reaches FlashAttention and Locality Sensitive Hashing from HyperAttention, with evidence sentences', async () => {
    const { lineage } = await q(`{
      lineage(id: "method:hyperattention", direction: OUT, depth: 2) {
        nodes { id name type }
        edges { source target type evidence paper { id title } }
      }
    }`);
    expect(lineage.nodes[0]).toEqual({ id: 'method:hyperattention', name: 'HyperAttention', type: 'METHOD' });
    const names = lineage.nodes.map((n: { name: string }) => n.name);
    expect(names).toContain('FlashAttention');
    expect(names).toContain('Locality Sensitive Hashing');
    const ids = new Map(lineage.nodes.map((n: { id: string; name: string }) => [n.name, n.id]));
    for (const name of ['FlashAttention', 'Locality Sensitive Hashing']) {
      const edge = (lineage.edges as Edge[]).find((e) => e.source === 'method:hyperattention' && e.target === ids.get(name));
      expect(edge, `edge HyperAttention -> ${name}`).toBeDefined();
      expect(edge!.evidence).toMatch(/HyperAttention/);
      expect(edge!.evidence).toMatch(name === 'FlashAttention' ? /FlashAttention/ : /Locality Sensitive Hashing|LSH/);
      expect(edge!.paper?.title).toMatch(/^HyperAttention/);
    }
  });

  it('exposes the same links from both ends', async () => {
    const { hyper, flash } = await q(`{
      hyper: method(id: "method:hyperattention") { buildsOn { method { id } evidence paper { title } } comparedWith { method { id } outcome } }
      flash: method(name: "FlashAttention") { id builtOnBy { method { id } } comparedBy { method { id } outcome } introducedBy { title } }
    }`);
    expect(hyper.buildsOn.map((l: { method: { id: string } }) => l.method.id)).toContain(flash.id);
    expect(flash.builtOnBy.map((l: { method: { id: string } }) => l.method.id)).toContain('method:hyperattention');
    const out = hyper.comparedWith.map((l: { method: { id: string } }) => l.method.id);
    const back = flash.comparedBy.map((l: { method: { id: string } }) => l.method.id);
    expect(out.includes(flash.id)).toBe(back.includes('method:hyperattention'));
  });
});

describe('search', () => {
  it('ranks sparse-attention methods and papers first for "sparse attention"', async () => {
    const { search } = await q(`{
      search(query: "sparse attention", first: 10) {
        score snippet
        node {
          __typename id
          ... on Paper { title abstract concepts { id } }
          ... on Method { name concepts { id } introducedBy { title concepts { id } } }
          ... on Concept { name }
        }
      }
    }`);
    expect(search.length).toBeGreaterThanOrEqual(5);
    const scores = search.map((h: { score: number }) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // Saying "sparse ... attention" in its name, title or abstract, or in the sparse-attention family
    // (for a method: itself, or the paper that introduced it).
    const inFamily = (n: any) => (n.concepts ?? []).some((c: { id: string }) => c.id === 'concept:sparse-attention');
    const aboutSparse = (h: { node: any }) =>
      /\bsparse\b.*\battention\b/i.test(`${h.node.title ?? ''} ${h.node.abstract ?? ''} ${h.node.name ?? ''}`) ||
      inFamily(h.node) ||
      (h.node.introducedBy ?? []).some(inFamily);
    for (const hit of search.slice(0, 5)) expect(aboutSparse(hit), JSON.stringify(hit.node.id)).toBe(true);
  });
});

describe('related methods', () => {
  it('lists other KV-cache compression methods for SnapKV, with reasons', async () => {
    const { relatedMethods } = await q(`{
      relatedMethods(id: "method:snapkv", first: 10) { score reasons method { id name concepts { id name } } }
    }`);
    expect(relatedMethods.length).toBeGreaterThanOrEqual(3);
    for (const r of relatedMethods) {
      expect(r.method.id).not.toBe('method:snapkv');
      expect(r.reasons.length).toBeGreaterThan(0);
    }
    const kv = relatedMethods.filter((r: any) => r.method.concepts.some((c: { id: string }) => c.id === 'concept:kv-cache-compression'));
    expect(kv.length, JSON.stringify(relatedMethods.map((r: any) => r.method.name))).toBeGreaterThanOrEqual(2);
    expect(relatedMethods.flatMap((r: any) => r.reasons).join(' ')).toMatch(/KV-cache compression/i);
  });
});

describe('path', () => {
  it('connects two methods with a chain of edges', async () => {
    const from = 'method:hyperattention';
    const to = 'method:snapkv';
    const { path } = await q(`query($from: ID!, $to: ID!) {
      path(from: $from, to: $to, maxHops: 4) { nodes { id name type } edges { source target type evidence paper { title } } }
    }`, { from, to });
    expect(path).not.toBeNull();
    expect(path.nodes[0].id).toBe(from);
    const edges = path.edges as Edge[];
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.length).toBeLessThanOrEqual(4);
    // Walk the edges, ignoring direction, from `from` to `to`.
    let at = from;
    const left = [...edges];
    while (left.length) {
      const i = left.findIndex((e) => e.source === at || e.target === at);
      expect(i, `no edge continues the path at ${at}`).toBeGreaterThanOrEqual(0);
      const [e] = left.splice(i, 1);
      at = e!.source === at ? e!.target : e!.source;
    }
    expect(at).toBe(to);
  });
});

describe('dashboards', () => {
  it('counts papers per year: every dated paper in exactly one bucket', async () => {
    const { trends, stats, dated } = await q(`{
      stats { papers }
      trends(by: YEAR) { bucket year month count }
      dated: papers(where: { yearFrom: 1 }, first: 0) { totalCount }
    }`);
    expect(stats.papers).toBe(244);
    const sum = trends.reduce((total: number, t: { count: number }) => total + t.count, 0);
    // Buckets count exactly the papers that have a date; listing layouts (b) and (c) carry none.
    expect(sum).toBe(dated.totalCount);
    expect(dated.totalCount).toBeGreaterThan(50);
    expect(trends.map((t: { bucket: string }) => t.bucket)).toEqual([...trends.map((t: { bucket: string }) => t.bucket)].sort());
    expect(trends[0].month).toBeNull();
  });

  it('runs the typed dashboard example client', async () => {
    const text = await dashboard(fx.server.graphqlUrl);
    expect(text).toMatch(/^244 papers, \d+ methods/);
  });

  it('runs every playground example query without errors', async () => {
    const examples = exampleQueries();
    expect(examples.map((e) => e.name)).toEqual(['lineage', 'path', 'related', 'search', 'trends']);
    for (const { name, query, variables } of examples) {
      const res = await gql(fx.server.graphqlUrl, query, variables ? JSON.parse(variables) : undefined);
      expect(res.errors, name).toBeUndefined();
    }
  });

  it('runs every query of the README API tour without errors', async () => {
    const tour = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const queries = [...tour.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(queries.length).toBeGreaterThanOrEqual(6);
    for (const query of queries) {
      const res = await gql(fx.server.graphqlUrl, query, { query: 'sparse attention' });
      expect(res.errors, query).toBeUndefined();
    }
  });
});

describe('pagination and lookups', () => {
  it('pages through papers with opaque cursors', async () => {
    const page = (after?: string) =>
      q(`query($after: String) { papers(first: 100, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`, { after });
    const seen = new Set<string>();
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const { papers } = await page(after);
      expect(papers.totalCount).toBe(244);
      expect(papers.pageInfo.hasPreviousPage).toBe(pages > 0);
      for (const e of papers.edges) seen.add(e.node.id);
      pages++;
      if (!papers.pageInfo.hasNextPage) break;
      after = papers.pageInfo.endCursor;
      expect(after).not.toMatch(/^\d+$/);
    }
    expect(pages).toBe(3);
    expect(seen.size).toBe(244);
  });

  it('filters and orders', async () => {
    const { papers, methods } = await q(`{
      papers(where: { yearFrom: 2024, yearTo: 2024 }, orderBy: { field: UPVOTES, direction: DESC }, first: 5) { nodes { year upvotes } }
      methods(where: { concept: "concept:kv-cache-compression" }, first: 50) { totalCount nodes { name concepts { id } } }
    }`);
    for (const p of papers.nodes) expect(p.year).toBe(2024);
    const upvotes = papers.nodes.map((p: { upvotes: number | null }) => p.upvotes ?? -1);
    expect([...upvotes].sort((a, b) => b - a)).toEqual(upvotes);
    expect(methods.totalCount).toBeGreaterThan(0);
    const { recent } = await q(`{ recent: papers(where: { concept: "concept:kv-cache-compression", yearFrom: 2024 }) { nodes { year } } }`);
    for (const p of recent.nodes) expect(p.year).toBeGreaterThanOrEqual(2024);
    for (const m of methods.nodes) expect(m.concepts.map((c: { id: string }) => c.id)).toContain('concept:kv-cache-compression');
  });

  it('finds methods by alias and returns null for unknown ids', async () => {
    const res = await q(`{ lsh: method(name: "LSH") { id name aliases } none: node(id: "method:nope") { id } paper(id: "paper:nope") { id } }`);
    expect(res.lsh.name).toBe('Locality Sensitive Hashing');
    expect(res.none).toBeNull();
    expect(res.paper).toBeNull();
  });
});

describe('errors', () => {
  it('answers NOT_FOUND naming an unknown id', async () => {
    for (const query of [
      `{ lineage(id: "method:nope") { nodes { id } } }`,
      `{ path(from: "method:hyperattention", to: "method:nope") { nodes { id } } }`,
      `{ relatedMethods(id: "method:nope") { score } }`,
      `{ trends(by: YEAR, concept: "concept:nope") { count } }`,
    ]) {
      const res = await gql(fx.server.graphqlUrl, query);
      expect(res.errors?.[0]?.extensions?.code, query).toBe('NOT_FOUND');
      expect(res.errors![0]!.message).toContain('nope');
    }
  });

  it('answers BAD_USER_INPUT naming the argument and its limit', async () => {
    const cases: [string, string, RegExp][] = [
      [`{ papers(first: 101) { totalCount } }`, 'first', /between 0 and 100 \(got 101\)/],
      [`{ methods(first: 101) { totalCount } }`, 'first', /between 0 and 100/],
      [`{ lineage(id: "method:hyperattention", depth: 9) { nodes { id } } }`, 'depth', /between 1 and 5/],
      [`{ path(from: "method:hyperattention", to: "method:snapkv", maxHops: 0) { nodes { id } } }`, 'maxHops', /between 1 and 6/],
      [`{ search(query: "  ") { score } }`, 'query', /blank/],
      [`{ papers(after: "bogus") { totalCount } }`, 'after', /cursor/],
      [`{ method(id: "method:snapkv", name: "SnapKV") { id } }`, 'id', /exactly one/],
    ];
    for (const [query, argumentName, message] of cases) {
      const res = await gql(fx.server.graphqlUrl, query);
      expect(res.errors?.[0]?.extensions, query).toEqual({ code: 'BAD_USER_INPUT', argumentName, requestId: expect.any(String) });
      expect(res.errors![0]!.message).toMatch(message);
    }
  });
});
