// Every read races config.queryTimeoutMs: a request never waits longer on the store, whatever the
// adapter does (Kùzu and Neo4j also get the timeout natively, so the query itself stops too).
import { StoreError } from '../store/errors.ts';
import type { GraphStore } from '../store/port.ts';
import { READ_METHODS, wrapStore } from '../observability/wrap-store.ts';

export function withQueryTimeout(store: GraphStore, timeoutMs: number): GraphStore {
  return wrapStore(store, READ_METHODS, (method, call) => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StoreError('TIMEOUT', `store call ${method} took longer than ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([call(), timedOut]).finally(() => clearTimeout(timer));
  });
}
