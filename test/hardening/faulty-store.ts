// Fault injection around a real store: "down" makes every call fail the way an unreachable database
// does (StoreError UNAVAILABLE), "slow" delays every call; "up" passes calls straight through.
import { StoreError } from '../../src/store/errors.ts';
import type { GraphStore } from '../../src/store/port.ts';

export interface FaultyStore {
  store: GraphStore;
  down(): void;
  up(): void;
  slow(ms: number): void;
}

export function faulty(real: GraphStore): FaultyStore {
  let mode: { kind: 'up' } | { kind: 'down' } | { kind: 'slow'; ms: number } = { kind: 'up' };
  const store = new Proxy(real, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      // The graph version is the store's bookkeeping, not a database query: it is neither slowed nor broken.
      if (typeof value !== 'function' || prop === 'close' || prop === 'graphVersion') {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (...args: unknown[]) => {
        if (mode.kind === 'down') throw new StoreError('UNAVAILABLE', `connection to /var/lib/kg/graph.kuzu refused (injected) while running MATCH (n) RETURN n`);
        if (mode.kind === 'slow') await new Promise((r) => setTimeout(r, (mode as { ms: number }).ms));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store,
    down: () => void (mode = { kind: 'down' }),
    up: () => void (mode = { kind: 'up' }),
    slow: (ms) => void (mode = { kind: 'slow', ms }),
  };
}
