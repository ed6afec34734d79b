// The embedded data directory: format stamp, generations of the database, and the pointer that
// names the current one. A load writes a new generation and publishes it by renaming the pointer,
// so readers never see a half-written graph and an interrupted load leaves the old one in place.
//
//   <dir>/meta.json               {"format":1,"engine":"kuzu","storageVersion":N}
//   <dir>/current                 {"generation":"g-…","previous":"g-…"}   (replaced by rename)
//   <dir>/lock                    {"pid":N}   while a writer runs
//   <dir>/generations/g-…/graph.kuzu
import kuzu from 'kuzu';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from '../errors.ts';

export const FORMAT_VERSION = 1;

interface Meta {
  format: number;
  engine: string;
  storageVersion: number;
}

export interface Pointer {
  generation: string;
  previous: string | null;
}

const META: Meta = { format: FORMAT_VERSION, engine: 'kuzu', storageVersion: Number(kuzu.Database.getStorageVersion()) };

export class DataDir {
  readonly metaPath: string;
  readonly pointerPath: string;
  readonly lockPath: string;
  readonly generationsDir: string;

  constructor(readonly root: string) {
    this.metaPath = join(root, 'meta.json');
    this.pointerPath = join(root, 'current');
    this.lockPath = join(root, 'lock');
    this.generationsDir = join(root, 'generations');
  }

  /** Rejects a directory written by another on-disk format, or one that is not a data directory at all. */
  checkFormat(): void {
    let text: string;
    try {
      text = readFileSync(this.metaPath, 'utf8');
    } catch {
      if (this.isEmptyOrMissing()) return;
      throw new StoreError('VERSION', `data directory ${this.root} has no meta.json: it was not written by kg, or by an older version; move it away`);
    }
    let meta: Partial<Meta>;
    try {
      meta = JSON.parse(text) as Partial<Meta>;
    } catch {
      throw new StoreError('VERSION', `data directory ${this.root} has an unreadable meta.json`);
    }
    if (meta.format !== META.format || meta.engine !== META.engine || meta.storageVersion !== META.storageVersion) {
      throw new StoreError(
        'VERSION',
        `data directory ${this.root} was written by on-disk format ${meta.format} (${meta.engine} storage ${meta.storageVersion}); ` +
          `this version reads format ${META.format} (kuzu storage ${META.storageVersion}): delete it and load again`,
      );
    }
  }

  /** Creates the directory and its format stamp (writers only). */
  ensure(): void {
    this.checkFormat();
    mkdirSync(this.generationsDir, { recursive: true });
    try {
      statSync(this.metaPath);
    } catch {
      writeFileSync(this.metaPath, `${JSON.stringify(META)}\n`);
    }
  }

  current(): Pointer | null {
    try {
      return JSON.parse(readFileSync(this.pointerPath, 'utf8')) as Pointer;
    } catch {
      return null;
    }
  }

  /** Changes whenever the pointer is replaced; a stat, cheap enough to call on every request. */
  pointerStamp(): string {
    try {
      const s = statSync(this.pointerPath);
      return `${s.ino}:${s.mtimeMs}:${s.size}`;
    } catch {
      return '';
    }
  }

  dbPath(generation: string): string {
    return join(this.generationsDir, generation, 'graph.kuzu');
  }

  generationDir(generation: string): string {
    return join(this.generationsDir, generation);
  }

  newGeneration(): string {
    const name = `g-${Date.now().toString().padStart(14, '0')}-${process.pid}`;
    mkdirSync(this.generationDir(name), { recursive: true });
    return name;
  }

  /** Atomically makes `generation` current; the one it replaces stays for readers still on it. */
  publish(generation: string): void {
    const pointer: Pointer = { generation, previous: this.current()?.generation ?? null };
    const tmp = `${this.pointerPath}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(pointer)}\n`);
    renameSync(tmp, this.pointerPath);
  }

  /** Removes generations that are neither current nor the one it replaced: failed or superseded loads. Writers only. */
  removeStaleGenerations(): void {
    const p = this.current();
    const keep = new Set([p?.generation, p?.previous]);
    let names: string[] = [];
    try {
      names = readdirSync(this.generationsDir);
    } catch {
      return;
    }
    for (const name of names) if (!keep.has(name)) rmSync(this.generationDir(name), { recursive: true, force: true });
  }

  private isEmptyOrMissing(): boolean {
    try {
      return readdirSync(this.root).length === 0;
    } catch {
      return true;
    }
  }
}
