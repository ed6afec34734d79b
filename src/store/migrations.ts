// Versioned schema scripts: `V<number>__<name>.cypher`, statements ending with `;` at a line end,
// applied in version order exactly once and pinned by checksum.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreError } from './errors.ts';
import type { MigrationStatus } from './port.ts';

export interface MigrationFile {
  version: string;
  name: string;
  file: string;
  checksum: string;
  statements: string[];
}

export type AppliedMigration = MigrationStatus['applied'][number];

const FILE_RE = /^V(\d+)__(.+)\.cypher$/;

export function defaultMigrationsDir(kind: 'embedded' | 'neo4j'): string {
  return fileURLToPath(new URL(`../../migrations/${kind}/`, import.meta.url));
}

export function readMigrations(dir: string): MigrationFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new StoreError('MIGRATION', `migrations directory ${dir} cannot be read`);
  }
  const files = names
    .map((file) => ({ file, m: FILE_RE.exec(file) }))
    .filter((f): f is { file: string; m: RegExpExecArray } => f.m !== null)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]));
  const versions = new Set<number>();
  return files.map(({ file, m }) => {
    if (versions.has(Number(m[1]))) throw new StoreError('MIGRATION', `two migration files have version ${m[1]} in ${dir}`);
    versions.add(Number(m[1]));
    const text = readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n');
    return {
      version: m[1]!,
      name: m[2]!,
      file,
      checksum: createHash('sha256').update(text).digest('hex'),
      statements: splitStatements(text),
    };
  });
}

/** Drops `//` comment lines and splits on `;` at line ends. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;[ \t]*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Fails when an applied migration's file changed or vanished; returns the files still to apply. */
export function pendingMigrations(files: MigrationFile[], applied: AppliedMigration[]): MigrationFile[] {
  const byVersion = new Map(files.map((f) => [Number(f.version), f]));
  for (const a of applied) {
    const f = byVersion.get(Number(a.version));
    if (!f) throw new StoreError('MIGRATION', `migration V${a.version}__${a.name} was applied but its file is missing`);
    if (f.checksum !== a.checksum) {
      throw new StoreError('MIGRATION', `migration file ${f.file} was edited after it was applied (checksum differs)`);
    }
  }
  const done = new Set(applied.map((a) => Number(a.version)));
  return files.filter((f) => !done.has(Number(f.version)));
}

export function migrationStatus(files: MigrationFile[], applied: AppliedMigration[]): MigrationStatus {
  const pending = pendingMigrations(files, applied);
  return {
    applied: [...applied].sort((a, b) => Number(a.version) - Number(b.version)),
    pending: pending.map((f) => ({ version: f.version, name: f.name })),
  };
}
