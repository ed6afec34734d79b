// Runs the real CLI (`node bin/kg.js …`) as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPO } from './seed.ts';

export const KG = fileURLToPath(new URL('../../bin/kg.js', import.meta.url));

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `kg ARGS`; `done` settles when it exits. */
export function startKg(args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [KG, ...args], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c));
  child.stderr!.on('data', (c: Buffer) => (stderr += c));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function kg(args: string[], env?: NodeJS.ProcessEnv): Promise<Run> {
  return startKg(args, env).done;
}

/** `kg ARGS` that must succeed; returns its stdout. */
export async function kgOk(args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const run = await kg(args, env);
  if (run.code !== 0) throw new Error(`kg ${args.join(' ')} exited ${run.code ?? run.signal}:\n${run.stderr}`);
  return run.stdout;
}
