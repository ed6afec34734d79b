// A typed dashboard client: fetches graph counts and yearly paper trends, fully typed from the schema
// by graphql-codegen's client preset (examples/generated/). Run: npx tsx examples/dashboard.ts [URL]
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { graphql } from './generated/index.ts';

const DashboardQuery = graphql(`
  query Dashboard($concept: ID) {
    stats {
      papers
      methods
      benchmarks
      relationships
    }
    trends(by: YEAR, concept: $concept) {
      bucket
      count
    }
  }
`);

/** POSTs a typed document; the result and variables types come from the document. */
export async function request<R, V>(url: string, document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await res.json()) as { data?: R; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data!;
}

export async function dashboard(url: string, concept?: string): Promise<string> {
  const { stats, trends } = await request(url, DashboardQuery, { concept });
  const lines = [
    `${stats.papers} papers, ${stats.methods} methods, ${stats.benchmarks} benchmarks, ${stats.relationships} relationships`,
    ...trends.map((t) => `${t.bucket}  ${'#'.repeat(Math.ceil(t.count / 5))} ${t.count}`),
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await dashboard(process.argv[2] ?? 'http://localhost:4000/graphql', process.argv[3]));
}
