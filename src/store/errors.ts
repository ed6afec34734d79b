// One error type for every store failure, so the CLI and the API print one clear line and map `code`.
export type StoreErrorCode =
  | 'UNAVAILABLE' // database unreachable, not loaded yet, or wrong credentials
  | 'LOCKED' // another writer holds the data directory
  | 'VERSION' // data directory written by another on-disk format
  | 'TIMEOUT' // a query ran past config.queryTimeoutMs
  | 'MIGRATION' // an applied migration file was edited, or one failed
  | 'INVALID' // bad input: a batch or query the graph model does not allow
  | 'READ_ONLY' // a write on a store opened read-only
  | 'INTERNAL'; // anything else the database reported

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(oneLine(message), options);
    this.name = 'StoreError';
    this.code = code;
  }
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function messageOf(err: unknown): string {
  return oneLine(err instanceof Error ? err.message : String(err));
}
