// Kùzu table details the writer needs beyond migrations/embedded/V001 (whose columns are NODE_COLUMNS).

export const MIGRATION_TABLE =
  'CREATE NODE TABLE IF NOT EXISTS Migration(version STRING PRIMARY KEY, name STRING, checksum STRING, appliedAt STRING)';

/** Non-string columns: parameters that are null in every row arrive untyped, so updates cast them. */
export const COLUMN_TYPES: Record<string, 'INT64' | 'BOOLEAN'> = {
  year: 'INT64',
  authorCount: 'INT64',
  upvotes: 'INT64',
  hasCode: 'BOOLEAN',
};
