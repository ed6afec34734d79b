// The ingestion pipeline: sources -> dedup -> extraction -> entity resolution -> GraphBatches -> store.
//
// Two passes: reading and deduplicating first (one RawPaper per distinct paper in memory, files
// streamed), so duplicates' metadata is merged before a paper node is written, rejections are known
// before anything is written (--strict writes nothing), and progress has a known total. The second
// pass hands the store every paper node first (the embedded writer indexes their abstracts while
// the rest runs), then extracts on worker threads (loaders/parallel) while this thread resolves
// entities and writes.
import { emptyBatch, type GraphBatch } from '../src/model/graph.ts';
import type { GraphStore, WriteSummary } from '../src/store/port.ts';
import { extractPaper } from './extract/index.ts';
import { dedupePapers, type DedupeResult } from './normalize/index.ts';
import { ExtractionRun } from './parallel/extract-pool.ts';
import { GraphBuilder } from './resolve/index.ts';
import { readSources } from './sources/index.ts';
import type { PaperExtraction, RawPaper, Rejection } from './types.ts';

export async function readPapers(paths: string[], asOf: string): Promise<DedupeResult> {
  return dedupePapers(readSources(paths, { asOf }));
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

export const DEFAULT_BATCH_SIZE = 5_000;

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

/** Writes already-read papers; the load commits whole (embedded) or batch by batch (Neo4j). */
export async function writePapers(store: GraphStore, read: DedupeResult, opts: LoadOptions): Promise<LoadReport> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const extracted: BatchTotals = { papers: 0, entities: 0, concepts: 0, organizations: 0, relationships: 0 };
  const written: WriteSummary = { nodes: 0, relationships: 0 };
  const total = read.papers.length;
  let newNodes = 0;
  // Entities are re-emitted when they gain aliases; count each id once.
  const checked = new Set<string>();
  const builder = new GraphBuilder();
  const writer = opts.dryRun ? null : await store.writer();

  const submit = async (batch: GraphBatch) => {
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
  };

  const flush = () => submit(builder.drain());

  // Workers start extracting while the papers are written and indexed.
  const run = new ExtractionRun(read.papers, { workers: opts.workers });
  try {
    const papers = builder.paperNodes(read.papers);
    if (writer?.prewrite) {
      addTotals(extracted, { ...emptyBatch(), papers });
      const w = await writer.prewrite({ ...emptyBatch(), papers });
      written.nodes += w.nodes;
    } else {
      for (let i = 0; i < papers.length; i += batchSize) await submit({ ...emptyBatch(), papers: papers.slice(i, i + batchSize) });
    }
    let done = 0;
    for await (const { paper, extraction } of run) {
      builder.add(paper, extraction);
      if (++done % batchSize === 0) {
        await flush();
        opts.onProgress?.(done, total);
      }
    }
    await flush();
    opts.onProgress?.(done, total);
    await writer?.commit();
  } catch (err) {
    await writer?.abort();
    throw err;
  } finally {
    await run.close();
  }
  return { entries: read.entries, papers: total, rejections: read.rejections, extracted, written, newNodes };
}

export async function loadPaths(store: GraphStore, paths: string[], opts: LoadOptions): Promise<LoadReport> {
  return writePapers(store, await readPapers(paths, opts.asOf), opts);
}
