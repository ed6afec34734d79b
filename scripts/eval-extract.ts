// Scores the extractor on the bundled seeds: data/ -> source readers -> dedup -> extractPaper -> score.mjs vs the gold.
// usage: tsx scripts/eval-extract.ts [--misses]   (exit 1 when a threshold is missed)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractPaper, toGoldRecord } from '../loaders/extract/index.ts';
import { dedupePapers } from '../loaders/normalize/index.ts';
import { readSourceBatches } from '../loaders/sources/index.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

/** Minimum micro F1 per score.mjs bucket. */
export const THRESHOLDS: Record<string, number> = {
  proposed: 0.9,
  'mentioned method': 0.8,
  'mentioned model': 0.85,
  'mentioned dataset': 0.85,
  'all entities': 0.85,
  buildsOn: 0.6,
  comparedWith: 0.6,
};

export function goldDir(): string {
  const shared = resolve(ROOT, '../shared/gold');
  return existsSync(join(shared, 'score.mjs')) ? shared : join(ROOT, 'test/fixtures/gold');
}

/** Extracts every distinct paper under `paths` and writes the predictions as gold-format JSON Lines. */
export async function writePredictions(paths: string[], out: string): Promise<number> {
  const { papers } = await dedupePapers(readSourceBatches(paths, { asOf: new Date().toISOString().slice(0, 10) }));
  writeFileSync(out, papers.map((p) => JSON.stringify(toGoldRecord(extractPaper(p)))).join('\n') + '\n');
  return papers.length;
}

export interface Evaluation {
  table: string;
  scores: Record<string, { precision: number; recall: number; f1: number }>;
  failures: string[];
}

export async function evaluate(extraArgs: string[] = []): Promise<Evaluation> {
  const dir = goldDir();
  const gold = readdirSync(dir)
    .filter((f) => /^seeds-part\d+\.jsonl$/.test(f))
    .sort()
    .map((f) => join(dir, f))
    .join(',');
  const pred = join(mkdtempSync(join(tmpdir(), 'kg-eval-')), 'predictions.jsonl');
  await writePredictions([join(ROOT, 'data')], pred);
  const score = join(dir, 'score.mjs');
  const table = execFileSync(process.execPath, [score, gold, pred, ...extraArgs], { encoding: 'utf8' });
  const scores = JSON.parse(execFileSync(process.execPath, [score, gold, pred, '--json'], { encoding: 'utf8' }));
  const failures = Object.entries(THRESHOLDS)
    .filter(([bucket, min]) => !(scores[bucket]?.f1 >= min))
    .map(([bucket, min]) => `${bucket}: F1 ${(100 * (scores[bucket]?.f1 ?? 0)).toFixed(1)} < ${100 * min}`);
  return { table, scores, failures };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { table, failures } = await evaluate(process.argv.includes('--misses') ? ['--misses'] : []);
  console.log(table.trimEnd());
  console.log(failures.length ? `FAIL\n  ${failures.join('\n  ')}` : 'PASS');
  process.exitCode = failures.length ? 1 : 0;
}
