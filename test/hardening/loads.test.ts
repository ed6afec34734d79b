// Loads are safe, through the real CLI: an interrupted load leaves the previous graph readable and
// a rerun completes it; loading the same files twice changes nothing; --dry-run says what would change.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kgOk, startKg } from '../support/kg.ts';
import { AS_OF, REPO, SEED_DIR } from '../support/seed.ts';

const BIG_CORPUS_PAPERS = 6000;
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kg-loads-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const stats = async (dir: string) => JSON.parse(await kgOk(['stats', '--json', '--data-dir', dir]));

/** The exported graph with nodes and edges in a canonical order. */
async function graphOf(dir: string) {
  const file = join(tmp, `export-${Date.now()}-${Math.random()}.json`);
  await kgOk(['export', '--format', 'json', '--data-dir', dir, '--out', file]);
  const g = JSON.parse(readFileSync(file, 'utf8')) as { nodes: unknown[]; edges: unknown[] };
  const canon = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
  return { nodes: canon(g.nodes), edges: canon(g.edges) };
}

async function seeded(name: string): Promise<string> {
  const dir = join(tmp, name);
  await kgOk(['load', SEED_DIR, '--data-dir', dir, '--as-of', AS_OF]);
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('kg load', () => {
  it('changes nothing when the same files are loaded again', async () => {
    const dir = await seeded('twice');
    const before = { stats: await stats(dir), graph: await graphOf(dir) };
    await kgOk(['load', SEED_DIR, '--data-dir', dir, '--as-of', AS_OF]);
    expect(await stats(dir)).toEqual(before.stats);
    const after = await graphOf(dir);
    expect(after.nodes).toEqual(before.graph.nodes);
    expect(after.edges).toEqual(before.graph.edges);
  });

  it('--dry-run reports the nodes a new file would add and writes nothing', async () => {
    const dir = await seeded('dry-run');
    const extra = join(tmp, 'extra.jsonl');
    writeFileSync(
      extra,
      [
        { title: 'Quokka Attention: Sparse Attention for Marsupial-Length Contexts', abstract: 'We propose Quokka Attention, a sparse attention method that extends FlashAttention. Quokka Attention is evaluated on RULER.', publishedAt: '2025-03-01' },
        { title: 'Wombat Retrieval: Dense Retrieval with Burrowed Indexes', abstract: 'We introduce Wombat Retrieval, a dense retrieval method evaluated on BEIR and compared with BM25.', publishedAt: '2025-04-02' },
      ]
        .map((p) => JSON.stringify(p))
        .join('\n') + '\n',
    );
    const before = await stats(dir);

    const same = await kgOk(['load', SEED_DIR, '--dry-run', '--data-dir', dir, '--as-of', AS_OF]);
    expect(same).toMatch(/dry run: 0 of those nodes are not in the store yet; nothing written/);

    const out = await kgOk(['load', extra, '--dry-run', '--data-dir', dir, '--as-of', AS_OF]);
    const match = /dry run: (\d+) of those nodes are not in the store yet; nothing written/.exec(out);
    expect(match, out).not.toBeNull();
    const wouldAdd = Number(match![1]);
    expect(wouldAdd).toBeGreaterThanOrEqual(2); // at least the two papers
    expect(await stats(dir)).toEqual(before);

    // The real load adds exactly what the dry run announced.
    await kgOk(['load', extra, '--data-dir', dir, '--as-of', AS_OF]);
    const after = await stats(dir);
    const total = (s: { nodes: Record<string, number> }) => Object.values(s.nodes).reduce((a, b) => a + b, 0);
    expect(total(after) - total(before)).toBe(wouldAdd);
    expect(after.nodes.Paper).toBe(before.nodes.Paper + 2);
  });

  it('killed mid-run (kill -9) leaves the previous graph readable, and a rerun completes the load', async () => {
    const corpus = join(tmp, 'corpus');
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-corpus.ts', '--papers', String(BIG_CORPUS_PAPERS), '--out', corpus], { cwd: REPO, stdio: 'ignore' });
    const dir = await seeded('interrupted');
    const before = { stats: await stats(dir), graph: await graphOf(dir) };
    const generations = () => readdirSync(join(dir, 'generations')).length;
    const published = generations();

    const { child, done } = startKg(['load', corpus, '--data-dir', dir, '--as-of', AS_OF]);
    // Wait until the load is writing its new generation, then give it a moment to be mid-write.
    const deadline = Date.now() + 60_000;
    while (generations() === published) {
      if (Date.now() > deadline) throw new Error('the load never started writing');
      await sleep(100);
    }
    await sleep(1_500);
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');

    expect(await stats(dir)).toEqual(before.stats);
    const during = await graphOf(dir);
    expect(during.nodes).toEqual(before.graph.nodes);
    expect(during.edges).toEqual(before.graph.edges);

    await kgOk(['load', corpus, '--data-dir', dir, '--as-of', AS_OF]);
    const after = await stats(dir);
    expect(after.nodes.Paper).toBe(before.stats.nodes.Paper + BIG_CORPUS_PAPERS);
    // The abandoned generation was cleaned up: only the current one and the one it replaced remain.
    expect(generations()).toBeLessThanOrEqual(2);
  }, 240_000);
});
