// Store call count and latency by method, labelled with the outcome (ok, or the StoreError code).
import { StoreError } from '../store/errors.ts';
import type { GraphStore } from '../store/port.ts';
import { storeCallDuration } from './metrics.ts';
import { READ_METHODS, wrapStore } from './wrap-store.ts';

export function withStoreMetrics(store: GraphStore): GraphStore {
  return wrapStore(store, READ_METHODS, async (method, call) => {
    const end = storeCallDuration.startTimer({ method });
    try {
      const result = await call();
      end({ outcome: 'ok' });
      return result;
    } catch (err) {
      end({ outcome: err instanceof StoreError ? err.code : 'error' });
      throw err;
    }
  });
}
