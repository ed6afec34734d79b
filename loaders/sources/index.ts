// Entry point of the source readers: paths in, papers and rejections out, a batch or one record at a time.
//
// Every problem becomes a rejection naming file and line (line 0: the path itself could not be read);
// nothing here throws, so one bad file never stops a load.
import type { ReadOptions, SourceRecord } from '../types.ts';
import { readAtom } from './atom.ts';
import { sniffFormat } from './detect.ts';
import { readJsonl } from './jsonl.ts';
import { readLineBatches } from './lines.ts';
import { readListing } from './listing.ts';
import { walkPaths } from './walk.ts';

export type { Format } from './detect.ts';
export { MAX_LINE_BYTES } from './lines.ts';
export { MAX_ATOM_BYTES } from './atom.ts';

/**
 * Reads files and folders (recursively, sorted), each in the format its content shows, in batches: the records each
 * read of a file completes. A consumer pays one await per batch; one per record (an async generator's promise and
 * tick) cost about 8% of a whole read.
 */
export async function* readSourceBatches(paths: string[], opts: ReadOptions): AsyncGenerator<SourceRecord[]> {
  for await (const item of walkPaths(paths)) {
    if ('problem' in item) yield [rejected(item.file, 0, item.problem)];
    else yield* readFile(item.file, opts);
  }
}

/** readSourceBatches one record at a time. */
export async function* readSources(paths: string[], opts: ReadOptions): AsyncGenerator<SourceRecord> {
  for await (const batch of readSourceBatches(paths, opts)) for (const r of batch) yield r;
}

/** A file's records a batch at a time (the line readers parse a chunk of lines per await). */
async function* readFile(file: string, opts: ReadOptions): AsyncGenerator<SourceRecord[]> {
  let lastLine = 0;
  try {
    const sniffed = await sniffFormat(file);
    if ('problem' in sniffed) {
      yield [rejected(file, sniffed.line, sniffed.problem)];
      return;
    }
    const batches =
      sniffed.format === 'atom'
        ? oneByOne(readAtom(file))
        : sniffed.format === 'jsonl'
          ? readJsonl(readLineBatches(file), file)
          : readListing(readLineBatches(file), file, opts);
    for await (const batch of batches) {
      const r = batch[batch.length - 1];
      lastLine = r.kind === 'paper' ? r.paper.provenance.line : r.rejection.line;
      yield batch;
    }
  } catch (err) {
    // I/O failures (permissions, a file vanishing mid-read) end this file only.
    yield [rejected(file, lastLine, `read failed: ${(err as Error).message}`)];
  }
}

async function* oneByOne(records: AsyncIterable<SourceRecord>): AsyncGenerator<SourceRecord[]> {
  for await (const r of records) yield [r];
}

function rejected(file: string, line: number, reason: string): SourceRecord {
  return { kind: 'rejected', rejection: { file, line, reason } };
}
