// Hugging Face papers listings saved as text: the three page layouts share one line-driven state machine.
//
// Text lines pair up as title then abstract; page chrome and blank lines are skipped; an optional
// metadata block (`• N authors` or an organisation line, then `·`, then a date with optional upvotes)
// closes the entry above it. A text line directly before `·` is that organisation line (hub handle,
// display name); a bare date outside a metadata block is a section heading. Rules for the ambiguous cases:
// - An abstract-like line (see looksLikeAbstract) with no title before it is a title-less paper only
//   when a metadata block follows it: without one it cannot be told from a stray paragraph or a lost
//   title, so it is rejected.
// - A title followed by another title-like line lost its abstract: the first is rejected.
// - A title still waiting for its abstract at the end of the file (truncated listing) is rejected.
import type { ReadOptions, SourceRecord } from '../types.ts';
import { makePaper } from '../normalize/paper.ts';
import type { Line } from './lines.ts';
import { classifyListingLine, looksLikeAbstract, organizationName } from './listing-lines.ts';

interface Pending {
  text: string;
  line: number;
}

interface Entry {
  title: Pending | null;
  abstract: Pending;
  authorCount: number | null;
  organization: string | null;
  publishedAt: string | null;
  upvotes: number | null;
  hasMetadata: boolean;
  awaitingDate: boolean;
}

export class ListingParser {
  private pending: Pending | null = null;
  private entry: Entry | null = null;
  private atHeader = true;
  private produced = false;
  private readonly out: SourceRecord[] = [];

  constructor(
    private readonly file: string,
    private readonly opts: ReadOptions,
  ) {}

  /** Feeds one line; returns the records it completed (the array is reused: copy or drain it). */
  push(line: Line): SourceRecord[] {
    this.out.length = 0;
    if ('error' in line) {
      this.dropPending(`title has no readable abstract (line ${line.line} rejected)`);
      this.reject(line.line, line.error);
      return this.out;
    }
    const c = classifyListingLine(line.text, this.atHeader, this.opts.asOf);
    const awaitingDate = this.entry?.awaitingDate ?? false;
    if (this.entry) this.entry.awaitingDate = false;
    switch (c.kind) {
      case 'skip':
        if (this.entry && awaitingDate) this.entry.awaitingDate = line.text.trim() === '';
        break;
      case 'text':
        this.atHeader = false;
        this.text({ text: c.text, line: line.line });
        break;
      case 'authors':
        if (this.pending) {
          this.close();
          this.dropPending('title has no abstract before its metadata');
        } else if (this.entry && !this.entry.hasMetadata) {
          this.entry.authorCount = c.count;
          this.entry.hasMetadata = true;
        }
        break;
      case 'separator':
        if (this.pending && this.entry && this.entry.organization === null && this.entry.publishedAt === null) {
          this.entry.organization = organizationName(this.pending.text);
          this.pending = null;
        } else if (this.dropPending('organisation line with no paper above it')) break;
        if (this.entry && this.entry.publishedAt === null) {
          this.entry.hasMetadata = true;
          this.entry.awaitingDate = true;
        }
        break;
      case 'date':
        // Outside a metadata block a bare date is a page section heading (`May 19`).
        if (this.entry && awaitingDate) {
          this.entry.publishedAt = c.date;
          this.entry.upvotes = c.upvotes;
        }
        break;
    }
    return this.out;
  }

  /** Flushes the last entry; call once after the last line. */
  end(): SourceRecord[] {
    this.out.length = 0;
    this.close();
    this.dropPending('title has no abstract (file truncated?)');
    if (!this.produced) this.reject(1, 'no papers found in listing');
    return this.out;
  }

  private text(t: Pending): void {
    const p = this.pending;
    if (p) {
      // `p` is title-like by construction; two in a row mean the first lost its abstract.
      if (!looksLikeAbstract(t.text)) {
        this.dropPending('title has no abstract (next line is another title)');
        this.pending = t;
        return;
      }
      this.pending = null;
      this.open(p, t);
    } else if (looksLikeAbstract(t.text)) {
      this.open(null, t);
    } else {
      this.pending = t;
    }
  }

  private open(title: Pending | null, abstract: Pending): void {
    this.close();
    this.entry = {
      title,
      abstract,
      authorCount: null,
      organization: null,
      publishedAt: null,
      upvotes: null,
      hasMetadata: false,
      awaitingDate: false,
    };
  }

  private close(): void {
    const e = this.entry;
    if (!e) return;
    this.entry = null;
    if (!e.title && !e.hasMetadata) {
      this.reject(e.abstract.line, 'abstract with no title and no metadata (ambiguous: not loaded)');
      return;
    }
    this.produced = true;
    const paper = makePaper(
      {
        title: e.title?.text ?? null,
        abstract: e.abstract.text,
        publishedAt: e.publishedAt,
        authorCount: e.authorCount,
        organization: e.organization,
        upvotes: e.upvotes,
      },
      { file: this.file, line: (e.title ?? e.abstract).line },
    );
    this.out.push({ kind: 'paper', paper });
  }

  private dropPending(reason: string): boolean {
    const p = this.pending;
    if (!p) return false;
    this.pending = null;
    this.reject(p.line, reason);
    return true;
  }

  private reject(line: number, reason: string): void {
    this.produced = true;
    this.out.push({ kind: 'rejected', rejection: { file: this.file, line, reason } });
  }
}

/** Parses batches of lines (readLineBatches) into the records each batch completes. */
export async function* readListing(batches: AsyncIterable<Line[]>, file: string, opts: ReadOptions): AsyncGenerator<SourceRecord[]> {
  const parser = new ListingParser(file, opts);
  for await (const lines of batches) {
    const out: SourceRecord[] = [];
    for (const line of lines) for (const r of parser.push(line)) out.push(r);
    if (out.length) yield out;
  }
  const last = parser.end();
  if (last.length) yield [...last];
}
