import type { Command } from 'commander';
import type { Config } from '../../config/index.ts';
import { configFrom, parsePort, parseWorkers, withStoreOptions, type StoreFlags } from '../options.ts';

interface ServeFlags extends StoreFlags {
  port?: number;
  host?: string;
  workers?: number;
}

function withServeOptions(cmd: Command): Command {
  return withStoreOptions(cmd)
    .option('--port <n>', 'port (default: PORT or 4000)', parsePort)
    .option('--host <host>', 'interface to listen on (default: HOST or 0.0.0.0)')
    .option('--workers <n>', 'API processes sharing the port, e.g. one per core (default: KG_WORKERS or 1)', parseWorkers);
}

function serveConfig(flags: ServeFlags): Config {
  const config = configFrom(flags);
  return {
    ...config,
    ...(flags.port !== undefined ? { port: flags.port } : {}),
    ...(flags.host ? { host: flags.host } : {}),
    ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
  };
}

export function registerServe(program: Command): void {
  withServeOptions(program.command('serve').description('serve GraphQL (/graphql), the playground (/), /explore, /healthz, /readyz'))
    .action(async (flags: ServeFlags) => {
      const { migrateThenServe } = await import('../server-runner.ts');
      await migrateThenServe(serveConfig(flags));
    });
  withServeOptions(program.command('start').description('load the bundled corpus if the store is empty, then serve'))
    .action(async (flags: ServeFlags) => {
      const { ensureLoaded, serve } = await import('../server-runner.ts');
      const config = serveConfig(flags);
      await ensureLoaded(config);
      await serve(config);
    });
}
