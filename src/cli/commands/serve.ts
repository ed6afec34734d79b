import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import pino from 'pino';
import { loadPaths } from '../../../loaders/pipeline.ts';
import { createServer } from '../../api/server.ts';
import { EXPLORER_PATH, handleExplorer } from '../../api/explorer/index.ts';
import type { Config } from '../../config/index.ts';
import { openStore } from '../../store/index.ts';
import { configFrom, parsePort, today, withStoreOptions, type StoreFlags } from '../options.ts';

/** The corpus `npm start` loads: the five listing pages shipped in data/. */
const BUNDLED_CORPUS = fileURLToPath(new URL('../../../data/', import.meta.url));

interface ServeFlags extends StoreFlags {
  port?: number;
  host?: string;
}

async function serve(config: Config): Promise<void> {
  const logger = pino({ level: config.logLevel });
  const store = await openStore(config, { readOnly: true });
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
async function ensureLoaded(config: Config): Promise<void> {
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

function withServeOptions(cmd: Command): Command {
  return withStoreOptions(cmd)
    .option('--port <n>', 'port (default: PORT or 4000)', parsePort)
    .option('--host <host>', 'interface to listen on (default: HOST or 0.0.0.0)');
}

function serveConfig(flags: ServeFlags): Config {
  const config = configFrom(flags);
  return { ...config, ...(flags.port !== undefined ? { port: flags.port } : {}), ...(flags.host ? { host: flags.host } : {}) };
}

export function registerServe(program: Command): void {
  withServeOptions(program.command('serve').description('serve GraphQL (/graphql), the playground (/), /explore, /healthz, /readyz'))
    .action(async (flags: ServeFlags) => {
      const config = serveConfig(flags);
      const store = await openStore(config);
      await store.migrate();
      await store.close();
      await serve(config);
    });
  withServeOptions(program.command('start').description('load the bundled corpus if the store is empty, then serve'))
    .action(async (flags: ServeFlags) => {
      const config = serveConfig(flags);
      await ensureLoaded(config);
      await serve(config);
    });
}
