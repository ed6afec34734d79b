// Child processes measured from outside: wall time, peak RSS (the child's high-water mark) and output.
// Peak RSS comes from `/usr/bin/time -v` when it exists, else from polling /proc/<pid>/status (VmHWM).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from './paths.ts';

const GNU_TIME = '/usr/bin/time';

export interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  wallSeconds: number;
  /** Peak resident set size of the child in MB (10^6 bytes), or null when it could not be read. */
  peakRssMB: number | null;
  /** The command as a person would type it from the project root. */
  command: string;
}

const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", `'\\''`)}'`);
export const shell = (argv: string[]) => argv.map(quote).join(' ');
/** A path as written in a command shown to the reader: relative to the project root when inside it. */
export const shown = (path: string) => {
  const rel = relative(ROOT, path);
  return rel && !rel.startsWith('..') ? rel : path;
};

function vmHwmKB(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Runs argv (argv[0] = program) from the project root; `shownArgv` is what the report prints instead. */
export async function runMeasured(argv: string[], opts: { shownArgv?: string[]; env?: NodeJS.ProcessEnv; echo?: boolean } = {}): Promise<Measured> {
  const useTime = existsSync(GNU_TIME);
  const tmp = mkdtempSync(join(tmpdir(), 'kg-bench-time-'));
  const timeOut = join(tmp, 'time.txt');
  const full = useTime ? [GNU_TIME, '-v', '-o', timeOut, ...argv] : argv;
  const started = performance.now();
  const child = spawn(full[0]!, full.slice(1), { cwd: ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    if (opts.echo) process.stderr.write(d);
  });
  let polledKB = 0;
  const poll = useTime ? undefined : setInterval(() => (polledKB = Math.max(polledKB, vmHwmKB(child.pid!))), 50);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c) => resolve(c));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  if (poll) clearInterval(poll);
  let peakKB: number | null = polledKB || null;
  if (useTime) {
    const text = existsSync(timeOut) ? readFileSync(timeOut, 'utf8') : '';
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
    peakKB = m ? Number(m[1]) : null;
    // GNU time reports the wrapped command's own exit status in its text; `code` is already that status.
  }
  rmSync(tmp, { recursive: true, force: true });
  const shownCmd = shell(useTime ? [GNU_TIME, '-v', ...(opts.shownArgv ?? argv)] : (opts.shownArgv ?? argv));
  return { code, stdout, stderr, wallSeconds, peakRssMB: peakKB === null ? null : Math.round((peakKB * 1024) / 1e6), command: shownCmd };
}

/** The last line of stdout that parses as a JSON object. */
export function lastJson<T>(stdout: string): T | null {
  const lines = stdout.trim().split('\n').reverse();
  for (const line of lines) {
    const t = line.trim();
    if (!t.startsWith('{')) continue;
    try {
      return JSON.parse(t) as T;
    } catch {
      /* not this one */
    }
  }
  return null;
}

/** Bytes on disk under a directory (`du -sb`). */
export async function diskBytes(dir: string): Promise<number> {
  const out = await runPlain(['du', '-sb', dir]);
  const n = Number(out.split(/\s/)[0]);
  return Number.isFinite(n) ? n : 0;
}

export async function runPlain(argv: string[]): Promise<string> {
  const child = spawn(argv[0]!, argv.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  await new Promise((r) => child.once('close', r));
  return out;
}
