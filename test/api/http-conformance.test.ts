// GraphQL over HTTP conformance of the running server: graphql-http's audits, no failure, no warning.
import { serverAudits } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { useSeededServer } from '../support/server.ts';


const fx = useSeededServer();

describe('GraphQL over HTTP', () => {
  it('passes every graphql-http server audit without failures or warnings', async () => {
    const problems: string[] = [];
    let ran = 0;
    for (const audit of serverAudits({ url: () => fx.server.graphqlUrl, fetchFn: fetch })) {
      const result = await audit.fn();
      ran++;
      if (result.status === 'error' || result.status === 'warn') {
        problems.push(`${result.status} ${audit.id} ${audit.name}: ${result.reason}`);
      }
    }
    expect(ran).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });
});
