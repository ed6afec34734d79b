import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
/** Everything the benchmarks generate (gitignored). */
export const OUT = join(ROOT, 'bench-out');
/** The date every benchmark load resolves year-less dates against, so runs are comparable. */
export const AS_OF = '2025-12-31';
