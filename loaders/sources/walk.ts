// Expands the paths given to a load into the files to read: folders recursively, in sorted order.
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

export type WalkItem = { file: string } | { file: string; problem: string };

// Inside folders only likely inputs are read (a README is not a listing); a file named explicitly is
// always read, and the format always comes from the content.
const FOLDER_EXTENSIONS = new Set(['', '.txt', '.text', '.jsonl', '.ndjson', '.json', '.xml', '.atom']);

export async function* walkPaths(paths: string[]): AsyncGenerator<WalkItem> {
  const seenDirs = new Set<string>();
  for (const path of paths) yield* walk(path, true, seenDirs);
}

async function* walk(path: string, explicit: boolean, seenDirs: Set<string>): AsyncGenerator<WalkItem> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    yield { file: path, problem: `cannot read: ${(err as Error).message}` };
    return;
  }
  if (info.isFile()) {
    if (explicit || FOLDER_EXTENSIONS.has(extname(path).toLowerCase())) yield { file: path };
    return;
  }
  if (!info.isDirectory()) {
    if (explicit) yield { file: path, problem: 'not a regular file or folder' };
    return;
  }
  let names: string[];
  try {
    // A symlinked folder seen twice (or a link cycle) is read once.
    const real = await realpath(path);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
  } catch (err) {
    yield { file: path, problem: `cannot read folder: ${(err as Error).message}` };
    return;
  }
  for (const name of names) yield* walk(join(path, name), false, seenDirs);
}
