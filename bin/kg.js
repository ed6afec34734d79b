#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx kg` works straight after `npm ci`, with no build step.
import { spawn } from 'node:child_process';
import { register } from 'tsx/esm/api';

// glibc gives threads that allocate at the same time malloc arenas of their own (up to eight per
// core) and keeps in each what its threads freed; and once a large block is freed it serves
// blocks up to 32 MB from those arenas too, instead of mapping them and giving them back. A load
// runs Kùzu's query threads, the libuv pool and the extraction workers side by side: at 100k
// papers that held about 450 MB more at the peak than two arenas and a fixed 128 KiB mapping
// threshold do. glibc reads both only when a process starts, so `kg load` starts itself again
// with them set, unless the environment already chose.
const RESPAWNED = 'KG_RESPAWNED';
const respawn = process.platform === 'linux' && process.env.MALLOC_ARENA_MAX === undefined && process.argv.slice(2).includes('load');

if (respawn) {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { MALLOC_MMAP_THRESHOLD_: '131072', ...process.env, MALLOC_ARENA_MAX: '2', [RESPAWNED]: '1' },
  });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, () => child.kill(s));
  child.on('exit', (code, signal) => {
    if (signal === null) process.exit(code ?? 1);
    // Die of the same signal, as a caller waiting on this process expects.
    for (const s of signals) process.removeAllListeners(s);
    process.kill(process.pid, signal);
  });
} else {
  if (process.env[RESPAWNED]) {
    delete process.env[RESPAWNED];
    // A kg killed outright (SIGKILL) cannot pass that on, but its death closes this channel: the
    // load ends as abruptly, and the next one cleans up after it.
    process.channel?.unref();
    process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
  }
  register();
  await import('../src/cli/main.ts');
}
