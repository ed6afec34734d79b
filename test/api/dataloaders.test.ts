// Every relationship field level costs one batched store call per (relationship type, direction),
// whatever the number of parents: proven by counting calls on the real store behind the real fx.server.
import { describe, expect, it } from 'vitest';
import { data } from '../support/http.ts';
import { counting, type StoreCall } from '../support/seed.ts';
import { useSeededServer } from '../support/server.ts';

const calls: StoreCall[] = [];

const fx = useSeededServer({ wrap: (s) => counting(s, calls) });

const summary = () =>
  calls.map((c) => (c.method === 'neighbours' ? `neighbours ${c.args[1]} ${c.args[2]}` : c.method)).sort();

describe('DataLoaders', () => {
  // Run twice: the second run executes compiled (src/api/executor.ts) and must batch the same way.
  // A different unused variable each time keeps the response cache out of the way.
  for (const run of [1, 2]) {
    it(`answers 100 papers with their methods, benchmarks and introducing papers in one call per field level (run ${run})`, async () => {
      calls.length = 0;
      const result = await data(
        fx.server.graphqlUrl,
        `{ papers(first: 100) { nodes { id methods { id name benchmarks { id } introducedBy { id title } } } } }`,
        { run },
      );
      const papers = result.papers.nodes as { methods: { benchmarks: unknown[] }[] }[];
      expect(papers).toHaveLength(100);
      const methods = papers.flatMap((p) => p.methods);
      expect(methods.length).toBeGreaterThan(100);
      expect(methods.some((m) => m.benchmarks.length > 0)).toBe(true);

      // list: the page; level 2 (Paper.methods): proposed + mentioned; level 3: EVALUATED_ON out, PROPOSES in.
      expect(summary()).toEqual(
        ['list', 'neighbours EVALUATED_ON OUT', 'neighbours MENTIONS OUT', 'neighbours PROPOSES IN', 'neighbours PROPOSES OUT'].sort(),
      );
      const paperLevel = calls.find((c) => c.method === 'neighbours' && c.args[1] === 'MENTIONS')!;
      expect((paperLevel.args[0] as string[]).length).toBe(100);
    });
  }

  it('shares loaders between fields of one level and follows links both ways without extra calls', async () => {
    calls.length = 0;
    await data(
      fx.server.graphqlUrl,
      `{ papers(first: 50) { nodes {
          methods { id } models { id } benchmarks { id } metrics { id } proposes { id }
          methods { buildsOn { method { id } paper { id } } builtOnBy { method { id } } paperCount }
      } } }`,
    );
    // Paper.{methods,models,benchmarks,metrics,proposes} share PROPOSES/MENTIONS OUT; MethodLink.paper
    // is primed from neighbour rows or batched in one nodesByIds; paperCount is one batched call.
    const s = summary();
    expect(s.filter((m) => m === 'neighbours PROPOSES OUT')).toHaveLength(1);
    expect(s.filter((m) => m === 'neighbours MENTIONS OUT')).toHaveLength(1);
    expect(s.filter((m) => m === 'neighbours BUILDS_ON OUT')).toHaveLength(1);
    expect(s.filter((m) => m === 'neighbours BUILDS_ON IN')).toHaveLength(1);
    expect(s.filter((m) => m === 'paperCounts')).toHaveLength(1);
    expect(s.filter((m) => m === 'nodesByIds').length).toBeLessThanOrEqual(1);
    expect(s).toHaveLength(s.includes('nodesByIds') ? 7 : 6);
  });

  it('does not share DataLoader caches between requests', async () => {
    // Two operation names: the response cache keys on them, so both reach the resolvers.
    const query = (name: string) => `query ${name} { method(id: "method:flashattention") { id builtOnBy { method { id } } } }`;
    calls.length = 0;
    await data(fx.server.graphqlUrl, query('First'));
    const first = calls.length;
    expect(first).toBeGreaterThan(0);
    calls.length = 0;
    await data(fx.server.graphqlUrl, query('Second'));
    expect(calls.length).toBe(first);
  });
});
