// Extraction on real worker threads: same results in the same order as on the main thread.
import { describe, expect, it } from 'vitest';
import { extractPaper } from '../../loaders/extract/index.ts';
import { ExtractionRun, extractInOrder } from '../../loaders/parallel/extract-pool.ts';
import { collectGarbage } from '../../src/store/embedded/collect-garbage.ts';
import { readPapers } from '../../loaders/pipeline.ts';
import type { RawPaper } from '../../loaders/types.ts';
import { AS_OF, SEED_DIR } from '../support/seed.ts';

const seed = async () => (await readPapers([SEED_DIR], AS_OF)).papers;

async function collect(run: AsyncIterable<{ paper: RawPaper; extraction: unknown }>) {
  const out: { paper: RawPaper; extraction: unknown }[] = [];
  for await (const x of run) out.push(x);
  return out;
}

describe('extraction worker pool', () => {
  it('returns what single-threaded extraction returns, in input order, over chunks that do not divide the input', async () => {
    const papers = await seed();
    const got = await collect(extractInOrder(papers, { workers: 2, chunk: 7 }));
    expect(got.map((x) => x.paper)).toEqual(papers);
    expect(got.map((x) => x.extraction)).toEqual(papers.map((p) => extractPaper(p)));
  });

  it('extracts on the calling thread with zero workers', async () => {
    const papers = (await seed()).slice(0, 20);
    const got = await collect(extractInOrder(papers, { workers: 0 }));
    expect(got.map((x) => x.extraction)).toEqual(papers.map((p) => extractPaper(p)));
  });

  it('stops its workers when the consumer leaves early, and close() is idempotent', async () => {
    const run = new ExtractionRun(await seed(), { workers: 2, chunk: 5 });
    let n = 0;
    for await (const _ of run) if (++n === 12) break;
    expect(n).toBe(12);
    await run.close();
  });

  it('lets go of each paper once it has handed it out', async () => {
    // Copies the run alone holds: the seed list would keep the originals alive.
    const papers = (await seed()).slice(0, 40).map((p) => ({ ...p }));
    const refs = papers.map((p) => new WeakRef(p));
    const run = new ExtractionRun(papers.splice(0), { workers: 1, chunk: 10 });
    const iterator = run[Symbol.asyncIterator]();
    for (let i = 0; i < 25; i++) expect((await iterator.next()).done).toBe(false);
    // Twice: the iterator's last result may still be reachable during the first collection.
    collectGarbage();
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(refs.slice(0, 24).filter((r) => r.deref() !== undefined)).toEqual([]);
    expect(refs.slice(25).every((r) => r.deref() !== undefined)).toBe(true);
    await run.close();
  });

  it('reports a paper that fails extraction in a worker as an error of the run', async () => {
    const bad = { title: 'Broken', abstract: null } as unknown as RawPaper;
    await expect(collect(extractInOrder([bad], { workers: 1 }))).rejects.toThrow(/extraction failed in a worker/);
  });
});
