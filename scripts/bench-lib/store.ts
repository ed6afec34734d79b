// End-to-end loads into the embedded store: `node bin/kg.js load DIR --data-dir TMP --json` in a child
// process, timed from outside (wall clock, process start to exit) with the child's peak RSS.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_BATCH_SIZE } from '../../loaders/pipeline.ts';
import { AS_OF, OUT, ROOT } from './paths.ts';
import { diskBytes, lastJson, runMeasured, shell, shown } from './proc.ts';

export { DEFAULT_BATCH_SIZE };

export interface LoadFigures {
  name: string;
  corpus: string;
  dataDir: string;
  batchSize: number;
  papers: number;
  nodes: number;
  relationships: number;
  wallSeconds: number;
  papersPerSecond: number;
  peakRssMB: number | null;
  diskBytes: number;
  /** Wall time of the writer's Kùzu steps (KG_WRITER_TRACE), by kind: the part of the load no JavaScript speed-up shortens. */
  kuzu: KuzuSteps;
  command: string;
}

export interface KuzuSteps {
  copySeconds: number;
  ftsSeconds: number;
  /** Checkpoints, reopens and updates. */
  otherSeconds: number;
}

const STEP = /^\[writer\] (.+?) (\d+) ms \(/;

/** Sums the writer's traced steps (one stderr line each) by kind. */
export function kuzuSteps(stderr: string): KuzuSteps {
  const steps: KuzuSteps = { copySeconds: 0, ftsSeconds: 0, otherSeconds: 0 };
  for (const line of stderr.split('\n')) {
    const m = STEP.exec(line);
    if (!m) continue;
    const seconds = Number(m[2]) / 1000;
    if (m[1].startsWith('COPY ')) steps.copySeconds += seconds;
    else if (m[1].startsWith('FTS ')) steps.ftsSeconds += seconds;
    else steps.otherSeconds += seconds;
  }
  return steps;
}

interface LoadJson {
  papers: number;
  written: { nodes: number; relationships: number };
}

export const storeDir = (name: string) => join(OUT, 'store', name);

function loadArgs(name: string, corpus: string, batchSize: number): string[] {
  return ['bin/kg.js', 'load', shown(corpus), '--data-dir', shown(storeDir(name)), '--json', '--batch-size', String(batchSize), '--as-of', AS_OF];
}

/** The load command as the report shows it. */
export function loadCommand(name: string, corpus: string, batchSize = DEFAULT_BATCH_SIZE): string {
  return shell([...(existsSync('/usr/bin/time') ? ['/usr/bin/time', '-v'] : []), 'node', ...loadArgs(name, corpus, batchSize)]);
}

/** Loads `corpus` into a fresh bench-out/store/<name> and measures it. */
export async function loadStore(name: string, corpus: string, batchSize = DEFAULT_BATCH_SIZE): Promise<LoadFigures> {
  const dataDir = storeDir(name);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}.load.json`, { force: true });
  mkdirSync(join(OUT, 'store'), { recursive: true });
  const args = loadArgs(name, corpus, batchSize);
  const r = await runMeasured([process.execPath, ...args], { shownArgv: ['node', ...args], env: { KG_WRITER_TRACE: '1' } });
  const report = lastJson<LoadJson>(r.stdout);
  if (r.code !== 0 || !report) {
    rmSync(dataDir, { recursive: true, force: true }); // a half-written store is of no use and can be large
    throw new Error(`kg load ${name} failed (exit ${r.code}): ${r.stderr.slice(-800)}`);
  }
  const figures: LoadFigures = {
    name,
    corpus: shown(corpus),
    dataDir: shown(dataDir),
    batchSize,
    papers: report.papers,
    nodes: report.written.nodes,
    relationships: report.written.relationships,
    wallSeconds: r.wallSeconds,
    papersPerSecond: report.papers / r.wallSeconds,
    peakRssMB: r.peakRssMB,
    diskBytes: await diskBytes(dataDir),
    kuzu: kuzuSteps(r.stderr),
    command: r.command,
  };
  writeFileSync(`${dataDir}.load.json`, JSON.stringify(figures));
  return figures;
}

/** A store loaded by an earlier run (for `--only api`), or null. */
export function previousLoad(name: string, corpus: string): LoadFigures | null {
  const file = `${storeDir(name)}.load.json`;
  if (!existsSync(file) || !existsSync(storeDir(name))) return null;
  const f = JSON.parse(readFileSync(file, 'utf8')) as LoadFigures;
  return f.corpus === shown(corpus) ? f : null;
}

export const SEED_CORPUS = join(ROOT, 'data');
