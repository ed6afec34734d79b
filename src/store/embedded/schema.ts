// Column lists of the Kùzu tables created by migrations/embedded/V001, in the order the writer fills them.
import type { NodeLabel } from '../../model/graph.ts';

const ENTITY = ['id', 'name', 'aliases', 'aliasText', 'family', 'parameters'];

export const COLUMNS: Record<NodeLabel, string[]> = {
  Paper: ['id', 'key', 'title', 'abstract', 'publishedAt', 'year', 'authorCount', 'upvotes', 'arxivId', 'url', 'hasCode'],
  Method: ENTITY,
  Model: ENTITY,
  Benchmark: ENTITY,
  Metric: ENTITY,
  Concept: ['id', 'name', 'description'],
  Organization: ['id', 'name'],
};

export const MIGRATION_TABLE =
  'CREATE NODE TABLE IF NOT EXISTS Migration(version STRING PRIMARY KEY, name STRING, checksum STRING, appliedAt STRING)';
