// Deduplicates papers by paper key while streaming, merging what each copy knows.
import type { RawPaper, Rejection, SourceRecord } from '../types.ts';
import { paperKey } from '../../src/model/graph.ts';

const MERGED_FIELDS = ['publishedAt', 'authorCount', 'organization', 'upvotes', 'arxivId', 'url'] as const;

/**
 * Holds one RawPaper per distinct key, in first-seen order. Merge rule: the first copy's values and
 * provenance win; a later copy only fills fields the first left null, and replaces the abstract
 * when the kept one is a truncated prefix of it.
 */
export class PaperDeduper {
  private readonly byKey = new Map<string, RawPaper>();
  // A paper is kept as given (most never merge) and copied before its first merge: callers' objects never change.
  private readonly copies = new WeakSet<RawPaper>();
  private added = 0;

  /** Adds a paper; true when its key was new. */
  add(paper: RawPaper): boolean {
    this.added++;
    const key = paperKey(paper.title, paper.abstract);
    const first = this.byKey.get(key);
    if (!first) {
      this.byKey.set(key, paper);
      return true;
    }
    const kept = this.copies.has(first) ? first : this.copy(key, first);
    for (const f of MERGED_FIELDS) fillNull(kept, paper, f);
    if (kept.title === null && paper.title !== null) kept.title = paper.title;
    if (paper.abstract.length > kept.abstract.length && paper.abstract.startsWith(stripEllipsis(kept.abstract))) {
      kept.abstract = paper.abstract;
    }
    return false;
  }

  private copy(key: string, paper: RawPaper): RawPaper {
    const kept = { ...paper };
    this.byKey.set(key, kept);
    this.copies.add(kept);
    return kept;
  }

  get(key: string): RawPaper | undefined {
    return this.byKey.get(key);
  }

  /** Distinct papers. */
  get size(): number {
    return this.byKey.size;
  }

  /** Papers added, duplicates included. */
  get entries(): number {
    return this.added;
  }

  /** The merged papers by key, in first-seen order. */
  papers(): IterableIterator<[key: string, paper: RawPaper]> {
    return this.byKey.entries();
  }
}

function fillNull<K extends (typeof MERGED_FIELDS)[number]>(kept: RawPaper, other: RawPaper, field: K): void {
  if (kept[field] === null) kept[field] = other[field];
}

function stripEllipsis(text: string): string {
  if (text.endsWith('...')) return text.slice(0, -3).trimEnd();
  if (text.endsWith('…')) return text.slice(0, -1).trimEnd();
  return text;
}

export interface DedupeResult {
  /** Distinct papers in first-seen order, each with its paper key. */
  papers: Array<RawPaper & { key: string }>;
  rejections: Rejection[];
  entries: number;
}

/** Drains a stream of record batches (e.g. readSourceBatches) into deduplicated papers plus the rejections met on the way. */
export async function dedupePapers(batches: AsyncIterable<readonly SourceRecord[]> | Iterable<readonly SourceRecord[]>): Promise<DedupeResult> {
  const deduper = new PaperDeduper();
  const rejections: Rejection[] = [];
  for await (const batch of batches) {
    for (const r of batch) {
      if (r.kind === 'paper') deduper.add(r.paper);
      else rejections.push(r.rejection);
    }
  }
  const papers = Array.from(deduper.papers(), ([key, paper]) => ({ key, ...paper }));
  return { papers, rejections, entries: deduper.entries };
}
