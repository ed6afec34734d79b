// One writer per data directory: an exclusive lock file holding the writer's pid. A lock left by
// a process that no longer exists (kill -9, crash) is taken over.
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { StoreError } from '../errors.ts';

export type Release = () => void;

export function acquireLock(lockPath: string, dirName: string): Release {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, `${JSON.stringify({ pid: process.pid, since: new Date().toISOString() })}\n`);
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StoreError('UNAVAILABLE', `cannot create lock file ${lockPath}: ${(err as Error).message}`);
      }
    }
    const pid = holder(lockPath);
    if (pid !== null && isAlive(pid)) throw new StoreError('LOCKED', `data directory ${dirName} is locked by process ${pid}`);
    rmSync(lockPath, { force: true });
  }
  throw new StoreError('LOCKED', `data directory ${dirName} is locked by another process`);
}

function holder(lockPath: string): number | null {
  try {
    const pid = (JSON.parse(readFileSync(lockPath, 'utf8')) as { pid?: unknown }).pid;
    return Number.isInteger(pid) ? (pid as number) : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
