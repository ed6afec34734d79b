// Real parts for the browser test: the seed corpus in a temporary embedded store, the API server
// on an ephemeral port with the explorer mounted, and headless Chromium.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { loadPaths } from '../../loaders/pipeline.ts';
import { EXPLORER_PATH, handleExplorer } from '../../src/api/explorer/index.ts';
import { createServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config/index.ts';
import { openStore } from '../../src/store/index.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

const SEED = fileURLToPath(new URL('../../data/', import.meta.url));
// A fixed load date: listing dates without a year resolve the same way on every run.
const AS_OF = '2026-06-01';

export interface SeededServer {
  url: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export async function startSeededServer(): Promise<SeededServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kg-explorer-'));
  const config = loadConfig({ store: 'embedded', dataDir }, {});
  const writer = await openStore(config);
  await writer.migrate();
  await loadPaths(writer, [SEED], { asOf: AS_OF });
  await writer.close();
  const store = await openStore(config, { readOnly: true });
  const server = createServer({ store, config, routes: [{ path: EXPLORER_PATH, handler: (req, res) => void handleExplorer(req, res) }] });
  const { url, graphqlUrl } = await server.listen(0);
  return {
    url: url.replace(/\/$/, ''),
    async gql(query, variables) {
      const res = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
      return body.data;
    },
    async close() {
      await server.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
