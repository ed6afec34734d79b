// A full garbage collection on demand, for the moment a load stops needing most of its JavaScript
// heap: V8 collects when allocation asks for it, and a commit that mostly waits on the store
// allocates too little to ask, so the dead heap would stay resident through the store's
// most memory-hungry step.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    // `--expose-gc` set at run time reaches contexts created afterwards, hence the new context.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  // V8 gives the pages a collection emptied back to the system only at the next one.
  gc();
}
