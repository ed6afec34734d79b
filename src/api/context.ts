// What every resolver gets: the store and this request's DataLoaders.
import type { Logger } from 'pino';
import type { GraphStore } from '../store/port.ts';
import { createLoaders, type Loaders } from './dataloaders/index.ts';

export interface ApiContext {
  store: GraphStore;
  loaders: Loaders;
  logger: Logger;
}

/** A fresh context per request: DataLoader caches must never outlive the request that filled them. */
export function createContext(store: GraphStore, logger: Logger): ApiContext {
  return { store, loaders: createLoaders(store), logger };
}
