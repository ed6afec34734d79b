// Real parts for the browser test: the seed corpus in a temporary embedded store and the API
// server on an ephemeral port with the explorer mounted.
import { EXPLORER_PATH, handleExplorer } from '../../src/api/explorer/index.ts';
import { data } from '../support/http.ts';
import { seedGraph } from '../support/seed.ts';
import { startServer } from '../support/server.ts';

export interface SeededServer {
  url: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export async function startSeededServer(): Promise<SeededServer> {
  const seed = await seedGraph();
  const server = await startServer(seed.store, {
    routes: [{ path: EXPLORER_PATH, handler: (req, res) => void handleExplorer(req, res) }],
  });
  return {
    url: server.url,
    gql: (query, variables) => data(server.graphqlUrl, query, variables),
    async close() {
      await server.close();
      await seed.close();
    },
  };
}
