// Operations sent more than once run compiled (graphql-jit, src/api/executor.ts): their answers,
// errors included, must be exactly what graphql-js gives, on real data from the seed graph.
import { execute, getOperationAST, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/api/context.ts';
import { compilingExecutor } from '../../src/api/executor.ts';
import { exampleQueries } from '../../src/api/playground/page.ts';
import { executableSchema } from '../../src/api/schema.ts';
import { gql } from '../support/http.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { seedGraph, type SeedGraph } from '../support/seed.ts';

const CASES: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  ...exampleQueries().map(({ name, query, variables }) => ({ name: `example ${name}`, query, variables: variables ? JSON.parse(variables) : undefined })),
  { name: 'papers page', query: '{ papers(first: 5, orderBy: { field: UPVOTES, direction: DESC }) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title methods { id name benchmarks { id name } } } } } }' },
  { name: 'union with fragments and aliases', query: '{ s: search(query: "sparse attention", first: 8) { score node { __typename id ... on Paper { title } ...E } } } fragment E on Entity { name aliases }' },
  { name: 'interface and skip/include', query: 'query Q($more: Boolean!) { node(id: "method:snapkv") { id ... on Method { name introducedBy @include(if: $more) { id } mentionedIn(first: 2) @skip(if: $more) { totalCount } } } }', variables: { more: true } },
  { name: 'unknown id', query: '{ method(id: "method:no-such-method") { id name } }' },
  { name: 'invalid argument', query: '{ lineage(id: "method:flashattention", maxNodes: 0) { truncated } }' },
  { name: 'variable of the wrong type', query: 'query L($d: Int!) { lineage(id: "method:flashattention", depth: $d) { nodes { id } } }', variables: { d: 'three' } },
  { name: 'missing required variable', query: 'query L($d: Int!) { lineage(id: "method:flashattention", depth: $d) { nodes { id } } }' },
  { name: 'introspection', query: '{ __schema { queryType { name } } __type(name: "Method") { name fields { name } } }' },
  { name: 'named operation among several', query: 'query A { stats { papers } } query B { trends(by: YEAR) { bucket count } }', variables: undefined },
];

let graph: SeedGraph;
beforeAll(async () => {
  graph = await seedGraph();
});
afterAll(async () => {
  await graph?.close();
});

describe('compiled execution', () => {
  const schema = executableSchema();
  const compiled = compilingExecutor(schema, { interpretedRuns: 0 });
  const context = () => createContext(graph.store, pino({ level: 'silent' }));

  for (const c of CASES) {
    it(`answers ${c.name} exactly as graphql-js does`, async () => {
      const document = parse(c.query);
      const operationName = c.name.startsWith('named') ? 'B' : null;
      // The case really runs compiled: graphql-jit accepts it.
      expect(isCompiledQuery(compileQuery(schema, document, operationName ?? undefined))).toBe(true);
      const reference = await execute({ schema, document, operationName, variableValues: c.variables, contextValue: context() });
      const operation = getOperationAST(document, operationName)!;
      const answer = await compiled({ document, operation, operationName, variables: c.variables, context: context() });
      expect(JSON.parse(JSON.stringify(answer))).toEqual(JSON.parse(JSON.stringify(reference)));
    });
  }
});

describe('over HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(graph.store);
  });
  afterAll(async () => {
    await server?.close();
  });

  // A different unused variable each time keeps the response cache out of the way.
  const send = (query: string, variables: Record<string, unknown>, run: number) => gql(server.graphqlUrl, query, { ...variables, run });

  it('gives the same answer on the first (interpreted) and later (compiled) runs', async () => {
    const query = 'query L($id: ID!) { lineage(id: $id, depth: 3) { truncated nodes { id name type } edges { source target type evidence paper { id title } } } }';
    const answers = [];
    for (let run = 0; run < 3; run++) answers.push(await send(query, { id: 'method:flashattention' }, run));
    expect(answers[0]!.status).toBe(200);
    expect(answers[0]!.data.lineage.nodes.length).toBeGreaterThan(3);
    for (const a of answers.slice(1)) expect({ data: a.data, errors: a.errors }).toEqual({ data: answers[0]!.data, errors: answers[0]!.errors });
  });

  it('keeps reporting bad variables as BAD_USER_INPUT once compiled', async () => {
    const query = 'query L($d: Int!) { lineage(id: "method:flashattention", depth: $d) { nodes { id } } }';
    for (let run = 0; run < 3; run++) {
      const a = await send(query, { d: 'three' }, run);
      expect(a.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(a.errors?.[0]?.message).toMatch(/Variable "\$d" got invalid value "three"/);
    }
  });
});
