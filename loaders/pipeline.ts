// The ingestion pipeline: sources -> dedup -> extraction -> entity resolution -> GraphBatches -> store.
//
// Two passes: reading and deduplicating first (one RawPaper per distinct paper in memory, files
// streamed), so duplicates' metadata is merged before a paper node is written, rejections are known
// before anything is written (--strict writes nothing), and progress has a known total. The second
// pass hands the store every paper node first (the embedded writer writes their table while the
// rest runs), then extracts on worker threads (loaders/parallel) while this thread resolves
// entities and writes.
import { emptyBatch, type GraphBatch } from '../src/model/graph.ts';
import type { GraphStore, WriteSummary } from '../src/store/port.ts';
import { extractPaper } from './extract/index.ts';
import { dedupePapers, type DedupeResult } from './normalize/index.ts';
import { ExtractionRun } from './parallel/extract-pool.ts';
import { GraphBuilder } from './resolve/index.ts';
import { readSourceBatches } from './sources/index.ts';
import type { PaperExtraction, RawPaper, Rejection } from './types.ts';

export async function readPapers(paths: string[], asOf: string): Promise<DedupeResult> {
  return dedupePapers(readSourceBatches(paths, { asOf }));
}

export function* extractAll(papers: Iterable<RawPaper>): Generator<{ paper: RawPaper; extraction: PaperExtraction }> {
  for (const paper of papers) yield { paper, extraction: extractPaper(paper) };
}

export interface LoadOptions {
  asOf: string;
  /** Papers per GraphBatch handed to the store. */
  batchSize?: number;
  /** Report what would change; write nothing. */
  dryRun?: boolean;
  /** Extraction worker threads (0: extract on this thread); default from loaders/parallel. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface BatchTotals {
  papers: number;
  entities: number;
  concepts: number;
  organizations: number;
  relationships: number;
}

export interface LoadReport {
  entries: number;
  papers: number;
  rejections: Rejection[];
  /** What the extracted batches held. */
  extracted: BatchTotals;
  /** What the store reports written (zero on a dry run). */
  written: WriteSummary;
  /** Dry run: nodes of the batches that the store does not hold yet. */
  newNodes: number;
}

/**
 * Small enough that a batch's objects die young: at 5,000 papers they outlived V8's scavenges and
 * filled its old generation, and the main thread spent about a fifth more time per paper at 100k.
 */
export const DEFAULT_BATCH_SIZE = 1_000;

function addTotals(t: BatchTotals, b: GraphBatch): void {
  t.papers += b.papers.length;
  t.entities += b.entities.length;
  t.concepts += b.concepts.length;
  t.organizations += b.organizations.length;
  t.relationships += b.relationships.length;
}

function batchIds(b: GraphBatch): string[] {
  return [...b.papers, ...b.entities, ...b.concepts, ...b.organizations].map((n) => n.id);
}

/**
 * Writes already-read papers; the load commits whole (embedded) or batch by batch (Neo4j). Takes
 * the papers out of `read` (its list is left empty) and lets each go once it is staged, so a
 * large load does not hold every abstract while it commits.
 */
export async function writePapers(store: GraphStore, read: DedupeResult, opts: LoadOptions): Promise<LoadReport> {
  const { entries, rejections } = read;
  const total = read.papers.length;
  const extracted: BatchTotals = { papers: 0, entities: 0, concepts: 0, organizations: 0, relationships: 0 };
  const written: WriteSummary = { nodes: 0, relationships: 0 };
  let newNodes = 0;
  // Entities are re-emitted when they gain aliases; count each id once.
  const checked = new Set<string>();
  const writer = opts.dryRun ? null : await store.writer();

  const sink: Sink = {
    async prewrite(batch) {
      if (!writer?.prewrite) return false;
      addTotals(extracted, batch);
      written.nodes += (await writer.prewrite(batch)).nodes;
      return true;
    },
    async submit(batch) {
      addTotals(extracted, batch);
      if (writer) {
        const w = await writer.upsert(batch);
        written.nodes += w.nodes;
        written.relationships += w.relationships;
      } else {
        const ids = batchIds(batch).filter((id) => !checked.has(id));
        for (const id of ids) checked.add(id);
        const existing = await store.nodesByIds(ids);
        newNodes += existing.filter((n) => n === null).length;
      }
    },
  };

  try {
    await stageAll(read, sink, opts);
    await writer?.commit();
  } catch (err) {
    await writer?.abort();
    throw err;
  }
  return { entries, papers: total, rejections, extracted, written, newNodes };
}

interface Sink {
  /** Paper nodes ahead of extraction; false when the store takes them only with the rest. */
  prewrite(batch: GraphBatch): Promise<boolean>;
  submit(batch: GraphBatch): Promise<void>;
}

/** Extracts and resolves every paper and hands the batches to `sink`; what it held is garbage once it returns. */
async function stageAll(read: DedupeResult, sink: Sink, opts: LoadOptions): Promise<void> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const total = read.papers.length;
  const builder = new GraphBuilder();
  const papers = builder.paperNodes(read.papers);
  // Workers start extracting while the papers are written; the run owns the list from here.
  const run = new ExtractionRun(read.papers, { workers: opts.workers });
  read.papers = [];
  try {
    if (!(await sink.prewrite({ ...emptyBatch(), papers }))) {
      for (let i = 0; i < papers.length; i += batchSize) await sink.submit({ ...emptyBatch(), papers: papers.slice(i, i + batchSize) });
    }
    papers.length = 0;
    let done = 0;
    for await (const { paper, extraction } of run) {
      builder.add(paper, extraction);
      if (++done % batchSize === 0) {
        await sink.submit(builder.drain());
        opts.onProgress?.(done, total);
      }
    }
    await sink.submit(builder.drain());
    opts.onProgress?.(done, total);
  } finally {
    await run.close();
  }
}

export async function loadPaths(store: GraphStore, paths: string[], opts: LoadOptions): Promise<LoadReport> {
  return writePapers(store, await readPapers(paths, opts.asOf), opts);
}
