// The Cache-Control worked out once per operation (src/api/cache-policy.ts) must be what Apollo's own
// per-field cacheControl plugin computes while resolving, on real answers from the seed graph.
import { ApolloServer } from '@apollo/server';
import { buildASTSchema, parse, type OperationDefinitionNode } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationCachePolicy } from '../../src/api/cache-policy.ts';
import { createContext } from '../../src/api/context.ts';
import { resolvers } from '../../src/api/resolvers/index.ts';
import { loadTypeDefs } from '../../src/api/schema.ts';
import { seedGraph, type SeedGraph } from '../support/seed.ts';

const QUERIES = {
  papers: '{ papers(first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { id title methods { id name benchmarks { id name } } } } }',
  lineage: '{ lineage(id: "method:flashattention", depth: 3) { truncated nodes { id name type } edges { source target type evidence paper { id title } } } }',
  search: '{ search(query: "sparse attention", first: 20) { score snippet node { id ... on Paper { title } ... on Method { name } } } }',
  stats: '{ stats { papers methods relationships } }',
  trends: '{ trends(by: YEAR) { bucket count } }',
  node: 'query N { node(id: "method:snapkv") { id ...M } } fragment M on Method { name introducedBy { id } }',
  related: '{ relatedMethods(id: "method:snapkv", first: 5) { score reasons method { id name } } }',
  path: '{ path(from: "method:hyperattention", to: "method:flashattention") { nodes { id } edges { type evidence } } }',
  method: '{ method(id: "method:flashattention") { name mentionedIn(first: 3) { totalCount edges { cursor node { id } } } } }',
  typename: '{ __typename }',
  introspection: '{ __schema { queryType { name } } }',
};

const schema = buildASTSchema(loadTypeDefs());
let graph: SeedGraph;
let apollo: ApolloServer<any>;
beforeAll(async () => {
  graph = await seedGraph();
  apollo = new ApolloServer({ typeDefs: loadTypeDefs(), resolvers });
  await apollo.start();
});
afterAll(async () => {
  await apollo?.stop();
  await graph?.close();
});

describe('static cache policy', () => {
  it('gives the hinted lifetimes: the smallest hint of the answer, nothing for unhinted root fields', () => {
    const of = (query: string) => {
      const document = parse(query);
      return operationCachePolicy(schema, document, document.definitions[0] as OperationDefinitionNode);
    };
    expect(of(QUERIES.papers)).toEqual({ maxAge: 300, scope: 'PUBLIC' });
    expect(of('{ stats { papers } paper(id: "paper:x") { id } }')).toEqual({ maxAge: 60, scope: 'PUBLIC' });
    expect(of(QUERIES.introspection).maxAge).toBe(0);
  });

  for (const [name, query] of Object.entries(QUERIES)) {
    it(`matches Apollo's runtime Cache-Control for ${name}`, async () => {
      const res = await apollo.executeOperation({ query }, { contextValue: createContext(graph.store, pino({ level: 'silent' })) });
      expect(res.body.kind === 'single' && res.body.singleResult.errors).toBeFalsy();
      const runtime = res.http.headers.get('cache-control');
      const document = parse(query);
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
      const policy = operationCachePolicy(schema, document, operation);
      expect(policy.maxAge > 0 ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store').toBe(runtime);
    });
  }
});
