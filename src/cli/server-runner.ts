// Serving: load the bundled corpus when asked, start the API (in several worker processes when
// configured), stop gracefully on SIGTERM/SIGINT. Workers re-run the same command: loading and
// migrating are the primary's, done before any worker starts.
import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { loadPaths } from '../../loaders/pipeline.ts';
import { createServer } from '../api/server.ts';
import { EXPLORER_PATH, handleExplorer } from '../api/explorer/index.ts';
import type { Config } from '../config/index.ts';
import { openStore } from '../store/index.ts';
import { superviseWorkers } from './cluster.ts';
import { today } from './options.ts';

/** The corpus `npm start` loads: the five listing pages shipped in data/. */
const BUNDLED_CORPUS = fileURLToPath(new URL('../../data/', import.meta.url));

export async function serve(config: Config): Promise<void> {
  const logger = pino({ level: config.logLevel });
  if (config.workers > 1 && cluster.isPrimary) return superviseWorkers(config.workers, logger);
  const store = await openStore(config, { readOnly: true, readModel: config.readModel });
  const server = createServer({
    store,
    config,
    logger,
    routes: [{ path: EXPLORER_PATH, handler: (req, res) => void handleExplorer(req, res) }],
  });
  const { url, graphqlUrl } = await server.listen(config.port, config.host);
  logger.info({ url, graphqlUrl, store: store.kind }, `serving GraphQL at ${graphqlUrl}, playground at ${url}/, explorer at ${url}${EXPLORER_PATH}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    await server.close();
    await store.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** Loads the bundled corpus unless the store already holds papers. */
export async function ensureLoaded(config: Config): Promise<void> {
  if (cluster.isWorker) return;
  const store = await openStore(config);
  try {
    await store.migrate();
    const { nodes } = await store.counts();
    if (nodes.Paper > 0) {
      console.error(`store already holds ${nodes.Paper} papers; not reloading ${BUNDLED_CORPUS}`);
      return;
    }
    const report = await loadPaths(store, [BUNDLED_CORPUS], { asOf: today() });
    console.error(
      `loaded the bundled corpus: ${report.papers} papers, ${report.written.nodes} nodes, ${report.written.relationships} relationships`,
    );
  } finally {
    await store.close();
  }
}

/** Applies pending migrations, then serves. */
export async function migrateThenServe(config: Config): Promise<void> {
  if (cluster.isPrimary) {
    const store = await openStore(config);
    try {
      await store.migrate();
    } finally {
      await store.close();
    }
  }
  await serve(config);
}
