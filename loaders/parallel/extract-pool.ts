// Extraction on worker threads. Papers go out in chunks and extractions come back in input order,
// so entity resolution (sequential, and order-dependent for ids) sees exactly what a
// single-threaded run sees. Results waiting for the consumer are bounded, so a slow consumer
// (the store writer) holds back extraction instead of piling results up in memory.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { parseEnv } from '../../src/config/index.ts';
import { extractPaper } from '../extract/index.ts';
import type { PaperExtraction, RawPaper } from '../types.ts';
import { decodeExtraction, type ChunkRequest, type ChunkResult } from './protocol.ts';

export interface Extracted {
  paper: RawPaper;
  extraction: PaperExtraction;
}

export interface PoolOptions {
  /** Worker threads; 0 extracts on the calling thread. Default: see defaultWorkers(). */
  workers?: number;
  /** Papers per message. */
  chunk?: number;
}

const WORKER_ENTRY = new URL('./worker.mjs', import.meta.url);
/** Below this, starting workers (each loads tsx and the lexicons) costs more than it saves. */
const MIN_PAPERS_FOR_WORKERS = 2_000;
const DEFAULT_CHUNK = 250;
/** Chunks queued at each worker, so it never waits for the main thread between chunks. */
const QUEUED_PER_WORKER = 2;
/**
 * Chunks extracted or in flight but not yet consumed: lets workers run ahead while the consumer
 * is busy (a flush) at a bounded memory cost. Few, because results waiting long are promoted to
 * V8's old generation and then linger as garbage.
 */
const MAX_AHEAD = 8;
/**
 * A worker's live heap is the lexicons and one chunk (well under 100 MB); capping its old
 * generation makes V8 collect instead of growing the heap, which peak RSS would count.
 */
const WORKER_HEAP_MB = 256;

const envSchema = z.object({
  // An empty value counts as unset.
  KG_EXTRACT_WORKERS: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).optional()),
});

/** KG_EXTRACT_WORKERS when set, else one worker per core for loads large enough to pay for them. */
export function defaultWorkers(papers: number): number {
  const { KG_EXTRACT_WORKERS: workers } = parseEnv(envSchema, process.env);
  if (workers !== undefined) return workers;
  return papers < MIN_PAPERS_FOR_WORKERS ? 0 : Math.min(availableParallelism(), 8);
}

/**
 * Starts extracting `papers` at once (so workers can run while the caller is busy elsewhere);
 * iterate it once for the results in input order. The run keeps its own list of the papers and
 * lets go of each once it has been handed out. close() stops the workers; iterating to the end,
 * or leaving the loop early, closes it too.
 */
export class ExtractionRun implements AsyncIterable<Extracted> {
  private readonly pool: Worker[] = [];
  private readonly chunk: number;
  private readonly chunks: number;
  private readonly done = new Map<number, string[]>();
  /** Free queue slots: a worker appears once per chunk it can take. */
  private readonly idle: Worker[] = [];
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private sent = 0;
  private consumed = 0;
  private papers: (RawPaper | undefined)[];

  constructor(papers: readonly RawPaper[], opts: PoolOptions = {}) {
    this.papers = papers.slice();
    const workers = opts.workers ?? defaultWorkers(papers.length);
    this.chunk = opts.chunk ?? DEFAULT_CHUNK;
    this.chunks = workers === 0 ? 0 : Math.ceil(papers.length / this.chunk);
    for (let i = 0; i < Math.min(workers, this.chunks); i++) this.pool.push(this.spawn());
    for (let i = 0; i < QUEUED_PER_WORKER; i++) this.idle.push(...this.pool);
    this.dispatch();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Extracted> {
    try {
      if (this.pool.length === 0) {
        for (let i = 0; i < this.papers.length; i++) {
          const paper = this.take(i);
          yield { paper, extraction: extractPaper(paper) };
        }
        return;
      }
      while (this.consumed < this.chunks) {
        while (!this.done.has(this.consumed) && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve));
        if (this.failure) throw this.failure;
        const extractions = this.done.get(this.consumed)!;
        this.done.delete(this.consumed);
        const base = this.consumed * this.chunk;
        this.consumed++;
        this.dispatch();
        for (let i = 0; i < extractions.length; i++) yield { paper: this.take(base + i), extraction: decodeExtraction(extractions[i]!) };
      }
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    this.papers = [];
    const pool = this.pool.splice(0);
    await Promise.all(pool.map((w) => w.terminate()));
  }

  private take(i: number): RawPaper {
    const paper = this.papers[i]!;
    this.papers[i] = undefined;
    return paper;
  }

  private spawn(): Worker {
    const w = new Worker(WORKER_ENTRY, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    w.on('message', (m: ChunkResult) => {
      if ('error' in m) this.failure ??= new Error(`extraction failed in a worker: ${m.error}`);
      else this.done.set(m.seq, m.extractions);
      this.idle.push(w);
      this.dispatch();
      this.notify();
    });
    w.on('error', (err: Error) => {
      this.failure ??= err;
      this.notify();
    });
    w.on('exit', (code) => {
      if (code !== 0 && this.pool.includes(w)) this.failure ??= new Error(`an extraction worker exited with code ${code}`);
      this.notify();
    });
    return w;
  }

  private dispatch(): void {
    while (this.idle.length && this.sent < this.chunks && this.sent - this.consumed < MAX_AHEAD) {
      const seq = this.sent++;
      const papers = this.papers.slice(seq * this.chunk, (seq + 1) * this.chunk).map((p) => ({ title: p!.title, abstract: p!.abstract }));
      this.idle.pop()!.postMessage({ seq, papers } satisfies ChunkRequest);
    }
  }

  private notify(): void {
    this.wake?.();
    this.wake = null;
  }
}

export function extractInOrder(papers: readonly RawPaper[], opts: PoolOptions = {}): AsyncIterable<Extracted> {
  return new ExtractionRun(papers, opts);
}
