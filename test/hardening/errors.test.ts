// Errors in production: clients get a masked message and the request id; the log gets everything.
import { describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/store/port.ts';
import { query } from '../support/http.ts';
import { useSeededServer } from '../support/server.ts';

const LEAK = 'Binder exception at /srv/kg/generations/g-1/graph.kuzu: MATCH (p:Paper) RETURN count(p)';

/** The real store, with `counts` failing the way a database bug would. */
function brokenCounts(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'counts') return async () => { throw new Error(LEAK); };
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}


const fx = useSeededServer({ wrap: brokenCounts, production: true });

describe('error masking (production)', () => {
  it('answers an unexpected failure with a generic error and the request id, and logs the detail under that id', async () => {
    const res = await query(fx.server.graphqlUrl, 'query Dash { stats { papers } }', undefined, { 'x-request-id': 'dash-42' });
    expect(res.headers.get('x-request-id')).toBe('dash-42');
    expect(res.body.errors).toEqual([
      { message: 'Internal server error', path: ['stats'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'dash-42' } },
    ]);
    for (const secret of ['MATCH', '/srv/', 'graph.kuzu', 'Binder', 'at ', 'stacktrace']) expect(res.text).not.toContain(secret);

    const logged = fx.server.logs.find((l) => l.requestId === 'dash-42' && l.level >= 50);
    expect(logged, JSON.stringify(fx.server.logs)).toBeDefined();
    expect(logged!.err.message).toBe(LEAK);
    expect(logged!.err.stack).toMatch(/errors\.test\.ts/);
    expect(logged!.operationName).toBe('Dash');
  });

  it('makes up a request id when the client sends none or a malformed one', async () => {
    const variants: Record<string, string>[] = [{}, { 'x-request-id': 'has spaces and "quotes"' }, { 'x-request-id': 'x'.repeat(200) }];
    for (const headers of variants) {
      const res = await query(fx.server.graphqlUrl, '{ stats { papers } }', undefined, headers);
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.errors[0].extensions.requestId).toBe(id);
    }
  });

  it('keeps the message of errors meant for clients, with the request id', async () => {
    const res = await query(fx.server.graphqlUrl, '{ method(id: "method:snapkv") { nope } }', undefined, { 'x-request-id': 'typo-1' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/Cannot query field "nope" on type "Method"/);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: 'typo-1' });
  });

  it('answers other routes with the request id header too', async () => {
    const res = await fetch(new URL('/healthz', fx.server.url), { headers: { 'x-request-id': 'probe-7' } });
    expect(res.headers.get('x-request-id')).toBe('probe-7');
  });
});
