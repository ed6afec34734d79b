// What the figures were measured on, and how busy the machine was with other work at the time.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { ROOT } from './paths.ts';

export interface Machine {
  cpu: string;
  cores: number;
  ramGB: number;
  node: string;
  os: string;
  commit: string;
  date: string;
}

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1]!.trim();
  } catch {
    /* not Linux */
  }
  return cpus()[0]?.model ?? 'unknown';
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

export function machine(): Machine {
  return {
    cpu: cpuModel(),
    cores: availableParallelism(),
    ramGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `Linux ${release()}`,
    commit: commit(),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

function cpuTimes(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!; // cpu  user nice system idle iowait irq softirq steal
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (f[3] ?? 0) + (f[4] ?? 0);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

export interface Busyness {
  /** 1, 5 and 15-minute load averages. */
  loadavg: [number, number, number];
  /** Share of all cores busy with other work while the benchmark itself was idle, 0..1 (null off Linux). */
  background: number | null;
}

/** Samples /proc/stat for `ms` while this benchmark does nothing: what everything else on the machine uses. */
export async function busyness(ms = 2000): Promise<Busyness> {
  const la = loadavg().map((x) => Math.round(x * 100) / 100) as [number, number, number];
  try {
    const a = cpuTimes();
    await new Promise((r) => setTimeout(r, ms));
    const b = cpuTimes();
    return { loadavg: la, background: b.total > a.total ? (b.busy - a.busy) / (b.total - a.total) : 0 };
  } catch {
    return { loadavg: la, background: null };
  }
}
