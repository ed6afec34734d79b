// Decorating a GraphStore: every call of the listed methods goes through `around`, the rest
// (writer, close, kind) pass straight to the store.
import type { GraphStore } from '../store/port.ts';

export type StoreMethod = {
  [K in keyof GraphStore]: GraphStore[K] extends (...args: any[]) => Promise<unknown> ? K : never;
}[keyof GraphStore];

/** What serving a query calls: these get metrics and the query timeout. */
export const READ_METHODS = [
  'nodesByIds',
  'neighbours',
  'paperCounts',
  'list',
  'search',
  'lineage',
  'shortestPath',
  'relatedMethods',
  'counts',
  'trends',
  'ping',
  'migrationStatus',
] as const satisfies readonly StoreMethod[];

export type Around = (method: StoreMethod, call: () => Promise<unknown>) => Promise<unknown>;

export function wrapStore(store: GraphStore, methods: readonly StoreMethod[], around: Around): GraphStore {
  const wrapped = new Set<PropertyKey>(methods);
  return new Proxy(store, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const method = value.bind(target) as (...args: unknown[]) => Promise<unknown>;
      return wrapped.has(prop) ? (...args: unknown[]) => around(prop as StoreMethod, () => method(...args)) : method;
    },
  });
}
