// `kg serve --workers N`: one API process per core. The primary only supervises: the workers share
// the port (Node's cluster module) and each opens the store read-only on its own, so with the memory
// read model each holds its own copy of the graph. A worker that dies after it was serving is
// replaced; one that never got to serve is not (the others would fail the same way). SIGTERM and
// SIGINT drain every worker, then the primary exits 0. /metrics in any worker adds up all of them.
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { AggregatorRegistry } from 'prom-client';
import { CLUSTER_METRICS } from '../observability/metrics.ts';

const RESPAWN_DELAY_MS = 1_000;

export function superviseWorkers(count: number, logger: Logger): void {
  const aggregator = new AggregatorRegistry();
  const serving = new Set<number>();
  let stopping = false;
  let failed = false;

  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('listening', (worker) => serving.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    const wasServing = serving.delete(worker.id);
    if (!stopping && wasServing) {
      logger.error({ pid: worker.process.pid, code, signal }, 'worker died; starting another');
      setTimeout(() => cluster.fork(), RESPAWN_DELAY_MS);
      return;
    }
    if (!stopping) {
      failed = true;
      logger.error({ pid: worker.process.pid, code, signal }, 'worker exited before serving');
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
  });
  cluster.on('message', (worker: Worker, msg: { type?: string; id?: number }) => {
    if (msg?.type !== CLUSTER_METRICS) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: CLUSTER_METRICS, id: msg.id, text }),
      (err: Error) => worker.send({ type: CLUSTER_METRICS, id: msg.id, error: err.message }),
    );
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: Object.keys(cluster.workers ?? {}).length }, 'shutting down: draining every worker');
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  logger.info({ workers: count }, `starting ${count} API workers`);
}
