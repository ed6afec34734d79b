// /metrics in the Prometheus text format, after real requests: requests by operation name, store
// calls by method, DataLoader batch sizes, errors by code.
import { expect, it } from 'vitest';
import { query } from '../support/http.ts';
import { useSeededServer } from '../support/server.ts';


const fx = useSeededServer();

it('exposes request, store, DataLoader and error metrics', async () => {
  const lineage = `query MethodLinks { methods(first: 10) { edges { node { name buildsOn { method { name } } builtOnBy { method { name } } } } } }`;
  for (let i = 0; i < 2; i++) expect((await query(fx.server.graphqlUrl, `query Dash${i} { stats { papers } }`)).status).toBe(200);
  expect((await query(fx.server.graphqlUrl, lineage)).body.errors).toBeUndefined();
  expect((await query(fx.server.graphqlUrl, '{ nope }')).status).toBe(400);
  expect((await query(fx.server.graphqlUrl, `{ stats { ${'papers @skip(if: false) '.repeat(30)} } }`)).status).toBe(400);

  const res = await fetch(new URL('/metrics', fx.server.url));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();

  expect(text).toMatch(/^kg_graphql_request_duration_seconds_count\{operation="Dash0",outcome="ok"\} 1$/m);
  expect(text).toMatch(/^kg_graphql_request_duration_seconds_count\{operation="MethodLinks",outcome="ok"\} 1$/m);
  expect(text).toMatch(/^kg_graphql_request_duration_seconds_count\{operation="anonymous",outcome="error"\} 2$/m);
  expect(text).toMatch(/^kg_graphql_request_duration_seconds_bucket\{le="0.5",operation="MethodLinks",outcome="ok"\} 1$/m);

  // One store call per DataLoader batch: ten methods' buildsOn in one neighbours call.
  expect(text).toMatch(/^kg_store_call_duration_seconds_count\{method="list",outcome="ok"\} [1-9]\d*$/m);
  expect(text).toMatch(/^kg_store_call_duration_seconds_count\{method="neighbours",outcome="ok"\} 2$/m);
  expect(text).toMatch(/^kg_dataloader_batch_size_count\{loader="neighbours:BUILDS_ON:OUT"\} 1$/m);
  expect(text).toMatch(/^kg_dataloader_batch_size_sum\{loader="neighbours:BUILDS_ON:OUT"\} 10$/m);

  expect(text).toMatch(/^kg_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} 2$/m);
  expect(text).toMatch(/^kg_process_resident_memory_bytes \d+/m);
});
