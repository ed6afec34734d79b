import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readSources } from '../../loaders/sources/index.ts';
import type { SourceRecord } from '../../loaders/types.ts';

const tmp = mkdtempSync(join(tmpdir(), 'kg-fuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SEEDS = ['data/000_cb402f4606c07685.txt', 'data/001_6f3a12d5be22495d.txt', 'data/004_48cb922b2d0c459a.txt'].map((f) => readFileSync(f));
const OTHERS = ['test/fixtures/sources/good/arxiv-attention.xml', 'test/fixtures/sources/good/papers.jsonl'].map((f) => readFileSync(f));

let n = 0;
/** Feeds bytes through readSources and checks the record contract; returns the records. */
async function check(bytes: Uint8Array): Promise<SourceRecord[]> {
  const file = join(tmp, `case-${n++}.txt`);
  writeFileSync(file, bytes);
  const records: SourceRecord[] = [];
  for await (const r of readSources([file], { asOf: '2026-11-22' })) records.push(r);
  for (const r of records) {
    if (r.kind === 'paper') {
      expect(r.paper.abstract.trim()).not.toBe('');
      expect(r.paper.provenance.file).toBe(file);
      expect(Number.isInteger(r.paper.provenance.line) && r.paper.provenance.line >= 1).toBe(true);
    } else {
      expect(r.rejection.file).toBe(file);
      expect(Number.isInteger(r.rejection.line) && r.rejection.line >= 0).toBe(true);
      expect(r.rejection.reason).not.toBe('');
    }
  }
  expect(records.length).toBeGreaterThan(0);
  return records;
}

/** Real files cut, spliced and sprinkled with random bytes. */
const mutated = (sources: Buffer[]) =>
  fc
    .record({
      src: fc.constantFrom(...sources),
      cutA: fc.nat(),
      cutB: fc.nat(),
      at: fc.nat(),
      insert: fc.uint8Array({ maxLength: 40 }),
      truncate: fc.boolean(),
    })
    .map(({ src, cutA, cutB, at, insert, truncate }) => {
      const a = cutA % (src.length + 1);
      const b = a + (cutB % 400);
      const spliced = Buffer.concat([src.subarray(0, a), src.subarray(Math.min(b, src.length))]);
      const p = at % (spliced.length + 1);
      const out = Buffer.concat([spliced.subarray(0, p), Buffer.from(insert), spliced.subarray(p)]);
      return truncate ? out.subarray(0, (at * 7) % (out.length + 1)) : out;
    });

describe('readSources never throws and keeps its record contract', () => {
  it('random unicode text', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 600 }), async (s) => void (await check(Buffer.from(s)))), {
      numRuns: 150,
    });
  });

  it('random line-shaped text built from listing vocabulary', async () => {
    const line = fc.oneof(
      fc.constantFrom('', 'new', 'Subscribe', 'Daily Papers', '·', '  • 6 authors', 'Jan 13', 'Oct 6, 2025 8', 'deepmind Deepmind', 'SubscribeX: Y'),
      fc.string({ maxLength: 250 }),
      fc.constant('An abstract that reads like one sentence and so counts as an abstract.'),
    );
    await fc.assert(fc.asyncProperty(fc.array(line, { maxLength: 40 }), async (ls) => void (await check(Buffer.from(ls.join('\n'))))), {
      numRuns: 150,
    });
  });

  it('random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 800 }), async (b) => void (await check(b))), { numRuns: 150 });
  });

  it('mutations of the seed listings', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(SEEDS), async (bytes) => {
        const records = await check(bytes);
        // A mutation can only lose or split entries, never invent many: the largest seed has 119.
        expect(records.filter((r) => r.kind === 'paper').length).toBeLessThanOrEqual(125);
      }),
      { numRuns: 120 },
    );
  });

  it('mutations of the Atom and JSON Lines fixtures', async () => {
    await fc.assert(fc.asyncProperty(mutated(OTHERS), async (bytes) => void (await check(bytes))), { numRuns: 120 });
  });
});
