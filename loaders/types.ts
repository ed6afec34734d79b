// Plain data passed between the ingestion stages: sources -> extraction -> resolution -> GraphBatch.

export interface Provenance {
  file: string;
  /** 1-based line where the record starts. */
  line: number;
}

export interface RawPaper {
  title: string | null;
  abstract: string;
  /** ISO date `YYYY-MM-DD`. */
  publishedAt: string | null;
  authorCount: number | null;
  organization: string | null;
  upvotes: number | null;
  arxivId: string | null;
  url: string | null;
  provenance: Provenance;
}

export interface Rejection {
  file: string;
  line: number;
  reason: string;
}

export type SourceRecord = { kind: 'paper'; paper: RawPaper } | { kind: 'rejected'; rejection: Rejection };

export interface ReadOptions {
  /** Dates without a year resolve to the latest such date not after this one (`YYYY-MM-DD`). */
  asOf: string;
}

export type GoldType = 'method' | 'model' | 'dataset' | 'metric';

export interface ExtractedEntity {
  name: string;
  aliases: string[];
  type: GoldType;
  proposed: boolean;
  /** The sentence the entity was found in (first occurrence, or the "we propose" sentence). */
  evidence: string | null;
  family?: string | null;
  parameters?: string | null;
  /** A method's concept slugs: its listed ones, then those its names and (when new) its evidence trigger. */
  concepts?: string[];
}

export interface ExtractedRelation {
  from: string;
  to: string;
  evidence: string;
  outcome?: string | null;
}

/** One paper's extraction: the gold format of ANNOTATION.md plus the extra links the graph keeps. */
export interface PaperExtraction {
  key: string;
  title: string | null;
  entities: ExtractedEntity[];
  buildsOn: ExtractedRelation[];
  comparedWith: ExtractedRelation[];
  /** method -> dataset */
  evaluatedOn: ExtractedRelation[];
  /** method -> model */
  appliedTo: ExtractedRelation[];
  /** Concept slugs from the curated taxonomy that the paper belongs to. */
  concepts: string[];
}
