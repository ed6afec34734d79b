// Embedded-only behaviour: generations, the writer lock, the format stamp, interrupted loads.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { openStore, StoreError } from '../../src/store/index.ts';
import type { EmbeddedStore } from '../../src/store/embedded/store.ts';
import { corpusA, corpusB } from './fixtures.ts';

const dirs: string[] = [];
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'kg-embedded-'));
  dirs.push(d);
  return join(d, 'kg');
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const config = (dir: string) => loadConfig({ store: 'embedded', dataDir: dir });

async function rejection(p: Promise<unknown>): Promise<StoreError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  return err as StoreError;
}

describe('embedded data directory', () => {
  it('a read-only store answers before the first load with a clear error, then follows new generations', async () => {
    const dir = dataDir();
    const reader = await openStore(config(dir), { readOnly: true });
    const writer = await openStore(config(dir));
    try {
      const early = await rejection(reader.counts());
      expect(early.code).toBe('UNAVAILABLE');
      expect(early.message).toBe(`no graph in ${dir} yet: run kg load first`);

      await writer.upsert(corpusA());
      expect((await reader.counts()).nodes.Paper).toBe(4);

      // A load in progress is invisible to readers until it commits.
      const w = await writer.writer();
      await w.upsert(corpusB());
      expect((await reader.counts()).nodes.Paper).toBe(4);
      await w.commit();
      expect((await reader.counts()).nodes.Paper).toBe(5);
      expect((await reader.nodesByIds(['paper:flash3']))[0]?.id).toBe('paper:flash3');

      expect((await rejection(reader.upsert(corpusA()))).code).toBe('READ_ONLY');
      // Only the current generation and the one it replaced are kept.
      expect(readdirSync(join(dir, 'generations'))).toHaveLength(2);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('a read-only store with the memory read model answers from the previous graph until the next one is copied', async () => {
    const dir = dataDir();
    const reader = await openStore(config(dir), { readOnly: true, readModel: 'memory' });
    const writer = await openStore(config(dir));
    try {
      await writer.upsert(corpusA());
      expect((await reader.counts()).nodes.Paper).toBe(4);
      const first = await reader.graphVersion();

      await writer.upsert(corpusB());
      // The call that notices the new generation starts copying it and is answered from the old one.
      expect((await reader.counts()).nodes.Paper).toBe(4);
      const deadline = Date.now() + 20_000;
      while ((await reader.counts()).nodes.Paper !== 5) {
        if (Date.now() > deadline) throw new Error('the reader never switched to the new generation');
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await reader.graphVersion()).not.toBe(first);
      expect((await reader.nodesByIds(['paper:flash3']))[0]?.id).toBe('paper:flash3');
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('an aborted load leaves the previous graph and removes its generation', async () => {
    const dir = dataDir();
    const store = await openStore(config(dir));
    try {
      await store.upsert(corpusA());
      const w = await store.writer();
      await w.upsert(corpusB());
      expect(readdirSync(join(dir, 'generations'))).toHaveLength(2);
      await w.abort();
      expect((await store.counts()).nodes.Paper).toBe(4);
      expect(readdirSync(join(dir, 'generations'))).toHaveLength(1);
      expect(existsSync(join(dir, 'lock'))).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('locks the data directory for one writer at a time', async () => {
    const dir = dataDir();
    const a = await openStore(config(dir));
    const b = await openStore(config(dir));
    try {
      const w = await a.writer();
      const err = await rejection(b.writer());
      expect(err.code).toBe('LOCKED');
      expect(err.message).toBe(`data directory ${dir} is locked by process ${process.pid}`);
      await w.abort();
      await (await b.writer()).abort();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('takes over a stale lock left by a dead process', async () => {
    const dir = dataDir();
    const store = await openStore(config(dir));
    try {
      await store.migrate();
      const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
      writeFileSync(join(dir, 'lock'), JSON.stringify({ pid: dead }));
      await store.upsert(corpusA());
      expect((await store.counts()).nodes.Paper).toBe(4);
      expect(existsSync(join(dir, 'lock'))).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('a query running past queryTimeoutMs fails with TIMEOUT', async () => {
    const dir = dataDir();
    const writer = await openStore(config(dir));
    await writer.migrate();
    await writer.close();
    const reader = (await openStore({ ...config(dir), queryTimeoutMs: 5 }, { readOnly: true })) as EmbeddedStore;
    try {
      const err = await rejection(reader.read('UNWIND range(1, 3000) AS x UNWIND range(1, 3000) AS y UNWIND range(1, 30) AS z WITH x, y, z WHERE (x * y + z) % 7 = 0 RETURN count(*) AS n'));
      expect(err.code).toBe('TIMEOUT');
      expect(err.message).toBe('query timed out after 5 ms');
    } finally {
      await reader.close();
    }
  });

  it('rejects a data directory written by another on-disk format', async () => {
    const dir = dataDir();
    const store = await openStore(config(dir));
    await store.migrate();
    await store.close();
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ ...meta, format: 99 }));
    const err = await rejection(openStore(config(dir)));
    expect(err.code).toBe('VERSION');
    expect(err.message).toContain(`data directory ${dir} was written by on-disk format 99`);
  });

  it('a load killed with SIGKILL leaves the previous generation readable; the next writer cleans up', async () => {
    const dir = dataDir();
    const store = await openStore(config(dir));
    await store.upsert(corpusA());
    const script = `
      import { loadConfig } from './src/config/index.ts';
      import { openStore } from './src/store/index.ts';
      import { corpusB } from './test/store/fixtures.ts';
      const store = await openStore(loadConfig({ store: 'embedded', dataDir: ${JSON.stringify(dir)} }));
      const w = await store.writer();
      await w.upsert(corpusB());
      console.log('written');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd() });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('written') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    try {
      // The killed load's generation and its stale lock are still there.
      expect(readdirSync(join(dir, 'generations'))).toHaveLength(2);
      expect(existsSync(join(dir, 'lock'))).toBe(true);
      expect((await store.counts()).nodes.Paper).toBe(4);
      await store.upsert(corpusB());
      expect((await store.counts()).nodes.Paper).toBe(5);
      expect(readdirSync(join(dir, 'generations'))).toHaveLength(2);
    } finally {
      await store.close();
    }
  });
});
