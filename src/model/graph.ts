// The graph model of DESIGN.md as plain data: what loaders produce and stores persist.

export const ENTITY_LABELS = ['Method', 'Model', 'Benchmark', 'Metric'] as const;
export const NODE_LABELS = ['Paper', ...ENTITY_LABELS, 'Concept', 'Organization'] as const;
export const REL_TYPES = [
  'PROPOSES',
  'MENTIONS',
  'BUILDS_ON',
  'COMPARED_WITH',
  'EVALUATED_ON',
  'APPLIED_TO',
  'IN_CONCEPT',
  'PUBLISHED_BY',
] as const;

export type EntityLabel = (typeof ENTITY_LABELS)[number];
export type NodeLabel = (typeof NODE_LABELS)[number];
export type RelType = (typeof REL_TYPES)[number];

/** Which (from, to) label pairs each relationship type may join: the whitelist stores build DDL and queries from. */
export const REL_ENDPOINTS: Record<RelType, ReadonlyArray<readonly [NodeLabel, NodeLabel]>> = {
  PROPOSES: ENTITY_LABELS.map((l) => ['Paper', l] as const),
  MENTIONS: ENTITY_LABELS.map((l) => ['Paper', l] as const),
  BUILDS_ON: [['Method', 'Method']],
  COMPARED_WITH: [['Method', 'Method']],
  EVALUATED_ON: [['Method', 'Benchmark']],
  APPLIED_TO: [['Method', 'Model']],
  IN_CONCEPT: [
    ['Method', 'Concept'],
    ['Paper', 'Concept'],
  ],
  PUBLISHED_BY: [['Paper', 'Organization']],
};

/** Slug used in ids: `<type>:<slug>`. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const ID_PREFIX: Record<NodeLabel, string> = {
  Paper: 'paper',
  Method: 'method',
  Model: 'model',
  Benchmark: 'benchmark',
  Metric: 'metric',
  Concept: 'concept',
  Organization: 'org',
};

export function nodeId(label: NodeLabel, slug: string): string {
  return `${ID_PREFIX[label]}:${slug}`;
}

export function labelOfId(id: string): NodeLabel | undefined {
  const prefix = id.slice(0, id.indexOf(':'));
  return NODE_LABELS.find((l) => ID_PREFIX[l] === prefix);
}

const NOT_KEY_CHARS = /[^a-z0-9]+/;

/** `text` lower-cased with everything outside a-z0-9 removed. */
export function lowerAlnum(text: string): string {
  // split/join, not replace(/[^a-z0-9]/g, ''): V8 returns replace's result as a chain of slices of the lower-cased
  // text, a dozen small objects that a kept key holds for the GC to copy; join builds one flat string, and faster.
  return text.toLowerCase().split(NOT_KEY_CHARS).join('');
}

/** Paper key: title lower-cased with everything outside a-z0-9 removed (abstract's first 60 chars without a title). */
export function paperKey(title: string | null | undefined, abstract: string): string {
  return (title ? lowerAlnum(title) : '') || lowerAlnum(abstract.slice(0, 60));
}

export interface PaperNode {
  id: string;
  key: string;
  title: string | null;
  abstract: string;
  /** ISO date `YYYY-MM-DD`. */
  publishedAt: string | null;
  year: number | null;
  authorCount: number | null;
  upvotes: number | null;
  arxivId: string | null;
  url: string | null;
  /** The abstract links to code (github.com, gitlab.com, "code is available"). */
  hasCode: boolean;
}

export interface EntityNode {
  id: string;
  label: EntityLabel;
  name: string;
  aliases: string[];
  /** Models only. */
  family?: string | null;
  /** Models only: parameter count as written, e.g. "7B". */
  parameters?: string | null;
}

export interface ConceptNode {
  id: string;
  name: string;
  description: string | null;
}

export interface OrganizationNode {
  id: string;
  name: string;
}

export interface Relationship {
  type: RelType;
  from: string;
  to: string;
  /** The sentence that supports the relationship. */
  evidence: string | null;
  /** The paper the evidence comes from. */
  paperId: string | null;
  /** COMPARED_WITH only: 'outperforms' | 'comparable' | 'compared'. */
  outcome?: string | null;
}

/** One unit of writing: stores commit a batch whole or not at all, and merge nodes by id. */
export interface GraphBatch {
  papers: PaperNode[];
  entities: EntityNode[];
  concepts: ConceptNode[];
  organizations: OrganizationNode[];
  relationships: Relationship[];
}

export function emptyBatch(): GraphBatch {
  return { papers: [], entities: [], concepts: [], organizations: [], relationships: [] };
}
