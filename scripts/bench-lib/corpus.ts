// Synthetic corpora, generated once into bench-out/corpus-<N> (the directory scripts/bench-ingest.ts
// also defaults to) and reused while the generator and its lexicons are unchanged.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, ROOT } from './paths.ts';
import { runMeasured } from './proc.ts';

const GENERATOR = 'scripts/bench-corpus.ts';
const LEXICONS = 'loaders/extract/lexicons';

/** A fingerprint of what the corpus depends on: the generator and the lexicons it draws names from. */
function generatorHash(): string {
  const h = createHash('sha256').update(readFileSync(join(ROOT, GENERATOR)));
  const dir = join(ROOT, LEXICONS);
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.json')) h.update(f).update(readFileSync(join(dir, f)));
  return h.digest('hex').slice(0, 16);
}

export const corpusDir = (papers: number) => join(OUT, `corpus-${papers}`);

/** Returns the corpus directory, generating it when missing or stale (the stamp sits beside the folder). */
export async function ensureCorpus(papers: number, log: (s: string) => void): Promise<string> {
  const dir = corpusDir(papers);
  const stampFile = `${dir}.stamp.json`;
  const stamp = JSON.stringify({ papers, seed: 1, perFile: 2000, generator: generatorHash() });
  if (existsSync(dir) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return dir;
  log(`generating ${papers} synthetic papers into ${dir}`);
  const r = await runMeasured([process.execPath, '--import', 'tsx', GENERATOR, '--papers', String(papers), '--out', dir, '--per-file', '2000', '--seed', '1']);
  if (r.code !== 0) throw new Error(`${GENERATOR} failed (${r.code}): ${r.stderr.slice(-500)}`);
  writeFileSync(stampFile, stamp);
  return dir;
}
