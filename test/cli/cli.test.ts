// End to end through the real `kg` binary: real files, real embedded store in a temp directory.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kg as run, startKg } from '../support/kg.ts';
import { SEED_DIR as DATA } from '../support/seed.ts';

const kg = (args: string[]) => run(args, { LOG_LEVEL: 'silent' });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kg-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kg extract', () => {
  it('prints one gold-format line per distinct seed paper', async () => {
    const r = await kg(['extract', DATA, '--json', '--as-of', '2026-11-22']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(244);
    const gold = new Set(
      [0, 1, 2, 3].flatMap((i) =>
        readFileSync(join(import.meta.dirname, `../fixtures/gold/seeds-part${i}.jsonl`), 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l).key as string),
      ),
    );
    expect(new Set(lines.map((l) => l.key))).toEqual(gold);
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(['buildsOn', 'comparedWith', 'entities', 'key', 'title']);
  });
});

describe('kg load, stats, export', () => {
  it('loads the seed corpus and reports 244 papers, then stays identical on a reload', async () => {
    const dataDir = join(dir, 'store');
    const first = await kg(['load', DATA, '--data-dir', dataDir, '--as-of', '2026-11-22']);
    expect(first.stderr).not.toMatch(/rejected/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/loaded 244 papers from 316 entries/);

    const stats1 = JSON.parse((await kg(['stats', '--json', '--data-dir', dataDir])).stdout);
    expect(stats1.nodes.Paper).toBe(244);
    expect(stats1.nodes.Method).toBeGreaterThan(100);
    expect(stats1.relationships.PROPOSES).toBeGreaterThan(150);

    expect((await kg(['load', DATA, '--data-dir', dataDir, '--as-of', '2026-11-22'])).code).toBe(0);
    const stats2 = JSON.parse((await kg(['stats', '--json', '--data-dir', dataDir])).stdout);
    expect(stats2).toEqual(stats1);

    const dry = await kg(['load', DATA, '--data-dir', dataDir, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/dry run: 0 of those nodes are not in the store yet; nothing written/);

    const graphml = join(dir, 'graph.graphml');
    const exp = await kg(['export', '--format', 'graphml', '--out', graphml, '--data-dir', dataDir]);
    expect(exp.code).toBe(0);
    const xml = readFileSync(graphml, 'utf8');
    expect(xml.match(/<node /g)?.length).toBe(Object.values(stats1.nodes as Record<string, number>).reduce((a, b) => a + b, 0));
    expect(xml.match(/<edge /g)?.length).toBe(
      Object.values(stats1.relationships as Record<string, number>).reduce((a, b) => a + b, 0),
    );

    const json = JSON.parse((await kg(['export', '--format', 'json', '--data-dir', dataDir])).stdout);
    expect(json.nodes.filter((n: { label: string }) => n.label === 'Paper')).toHaveLength(244);
  });

  it('under --strict rejects malformed input with file:line, exits non-zero and writes nothing', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"title": "Good Paper", "abstract": "An abstract about sparse attention."}\n{"title": broken\n');
    const dataDir = join(dir, 'strict');
    const r = await kg(['load', bad, '--strict', '--data-dir', dataDir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:2`);
    expect(r.stderr).not.toMatch(/\n\s+at /);

    const lenient = await kg(['load', bad, '--data-dir', dataDir]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain(`${bad}:2`);
    expect(lenient.stdout).toMatch(/loaded 1 papers/);
    const stats = JSON.parse((await kg(['stats', '--json', '--data-dir', dataDir])).stdout);
    expect(stats.nodes.Paper).toBe(1);
  });

  it('names the problem in one line for bad arguments', async () => {
    const r = await kg(['load', DATA, '--as-of', 'yesterday']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/expected a date YYYY-MM-DD, got "yesterday"/);
    const missing = await kg(['load', join(dir, 'nope.txt'), '--data-dir', join(dir, 'x')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/nope\.txt/);
  });
});

describe('kg load process', () => {
  // bin/kg.js marks the process it starts with this variable.
  const RESPAWNED = 'KG_RESPAWNED';

  /** The process `pid` started and its environment, once it has started running node (not only forked). */
  async function childOf(pid: number): Promise<{ pid: number; env: string[] }> {
    let seen: string[] = [];
    for (let i = 0; i < 200; i++) {
      const [child] = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      if (child) {
        seen = readFileSync(`/proc/${child}/environ`, 'utf8').split('\0');
        if (seen.includes(`${RESPAWNED}=1`)) return { pid: Number(child), env: seen };
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`process ${pid} started no kg child (last environment seen: ${seen.join(' ')})`);
  }

  it.skipIf(process.platform !== 'linux')('runs with two malloc arenas and a fixed mapping threshold, and a SIGTERM to kg stops the load and kg with it', async () => {
    const { child, done } = startKg(['load', DATA, '--data-dir', join(dir, 'arenas'), '--as-of', '2026-11-22'], {
      LOG_LEVEL: 'silent',
      MALLOC_ARENA_MAX: undefined,
    });
    const { pid: load, env } = await childOf(child.pid!);
    expect(env).toEqual(expect.arrayContaining(['MALLOC_ARENA_MAX=2', 'MALLOC_MMAP_THRESHOLD_=131072']));
    child.kill('SIGTERM');
    const r = await done;
    expect(r.signal).toBe('SIGTERM');
    // Passed on, or (when the signal beat kg's handlers) ended by kg's death closing the channel.
    for (let i = 0; i < 100 && existsSync(`/proc/${load}`); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(`/proc/${load}`)).toBe(false);
  });

  it.skipIf(process.platform !== 'linux')('leaves an arena limit the environment set alone, and starts no second process', async () => {
    const { child, done } = startKg(['load', DATA, '--data-dir', join(dir, 'arenas-set'), '--as-of', '2026-11-22'], {
      LOG_LEVEL: 'silent',
      MALLOC_ARENA_MAX: '4',
    });
    let exited = false;
    void done.then(() => (exited = true));
    const children = new Set<string>();
    while (!exited) {
      try {
        for (const c of readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/)) if (c) children.add(c);
      } catch {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/loaded 244 papers/);
    expect([...children]).toEqual([]);
  });
});
