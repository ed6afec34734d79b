// Prometheus metrics in one registry of our own (not prom-client's global one), shared by the
// whole process: GraphQL requests by operation, store calls by method, DataLoader batch sizes and
// errors by code, plus the default Node process metrics.
import cluster from 'node:cluster';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AggregatorRegistry, Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'kg_' });
// Under `kg serve --workers N` the primary adds up every worker's registry (src/cli/cluster.ts);
// constructing an AggregatorRegistry is what makes prom-client answer the primary in a worker.
if (cluster.isWorker) {
  AggregatorRegistry.setRegistries([registry]);
  new AggregatorRegistry();
}

/** IPC message type of a worker asking the primary for every worker's metrics, and of the answer. */
export const CLUSTER_METRICS = 'kg:cluster-metrics';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const requestDuration = new Histogram({
  name: 'kg_graphql_request_duration_seconds',
  help: 'GraphQL requests by operation name and outcome (ok or error); _count is the request count',
  labelNames: ['operation', 'outcome'] as const,
  buckets: SECONDS,
  registers: [registry],
});

export const storeCallDuration = new Histogram({
  name: 'kg_store_call_duration_seconds',
  help: 'GraphStore calls by method and outcome (ok or the store error code); _count is the call count',
  labelNames: ['method', 'outcome'] as const,
  buckets: SECONDS,
  registers: [registry],
});

const batchSize = new Histogram({
  name: 'kg_dataloader_batch_size',
  help: 'Keys per DataLoader batch (one store call each), by loader',
  labelNames: ['loader'] as const,
  buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
  registers: [registry],
});

const errors = new Counter({
  name: 'kg_errors_total',
  help: 'Errors returned to clients, by extensions.code',
  labelNames: ['code'] as const,
  registers: [registry],
});

/** For the API's DataLoader factory: call once per batch with the loader's name and key count. */
export function observeBatchSize(loader: string, keys: number): void {
  batchSize.observe({ loader }, keys);
}

export function countError(code: string): void {
  errors.inc({ code });
}

// Operation names come from clients; cap the distinct label values so a client cannot grow memory.
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const seenOperations = new Set<string>();

export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (seenOperations.has(name)) return name;
  if (!OPERATION_NAME.test(name) || seenOperations.size >= MAX_OPERATION_NAMES) return 'other';
  seenOperations.add(name);
  return name;
}

let asked = 0;

/** Every worker's metrics, added up by the primary. */
function clusterMetrics(): Promise<string> {
  const id = ++asked;
  return new Promise((resolve, reject) => {
    const onMessage = (msg: { type?: string; id?: number; text?: string; error?: string }) => {
      if (msg?.type !== CLUSTER_METRICS || msg.id !== id) return;
      process.off('message', onMessage);
      if (msg.error !== undefined) reject(new Error(msg.error));
      else resolve(msg.text ?? '');
    };
    process.on('message', onMessage);
    process.send!({ type: CLUSTER_METRICS, id });
  });
}

/** GET /metrics in the Prometheus text format (for all workers when there are several). */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const text = cluster.isWorker ? await clusterMetrics() : await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType, 'content-length': Buffer.byteLength(text) });
  res.end(req.method === 'HEAD' ? undefined : text);
}
