// Worker threads start without the TypeScript loader the CLI registered on the main thread
// (bin/kg.js, vitest, tsx): register tsx here, then run the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');
