// Tells a file's format from its first non-blank bytes, whatever its extension says.
import { open } from 'node:fs/promises';

export type Format = 'listing' | 'jsonl' | 'atom';
export type Sniffed = { format: Format } | { problem: string; line: number };

const CHUNK = 64 * 1024;

/** Reads only until the first non-whitespace byte (and the NUL check window); never the whole file. */
export async function sniffFormat(file: string): Promise<Sniffed> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    let line = 1;
    let offset = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, CHUNK, offset);
      if (bytesRead === 0) return { problem: 'empty file', line: 1 };
      const chunk = buf.subarray(0, bytesRead);
      const nul = chunk.indexOf(0);
      if (nul !== -1) return { problem: 'binary file (NUL byte)', line: line + countNewlines(chunk, nul) };
      const start = offset === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
      for (let i = start; i < bytesRead; i++) {
        const b = chunk[i];
        if (b === 0x0a) line++;
        else if (b !== 0x20 && b !== 0x09 && b !== 0x0d) {
          if (isJsonArray(chunk, i)) return { problem: 'JSON array: expected JSON Lines (one object per line)', line };
          return { format: formatOf(chunk[i]) };
        }
      }
      offset += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

function formatOf(first: number): Format {
  if (first === 0x7b /* { */) return 'jsonl';
  if (first === 0x3c /* < */) return 'atom';
  return 'listing';
}

// `[` alone could open a listing title such as `[CLS] Token Tells…`; `[` then `{` is a JSON array.
function isJsonArray(chunk: Buffer, i: number): boolean {
  if (chunk[i] !== 0x5b) return false;
  const next = chunk.subarray(i + 1).findIndex((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
  return next !== -1 && (chunk[i + 1 + next] === 0x7b || chunk[i + 1 + next] === 0x5d);
}

function countNewlines(chunk: Buffer, end: number): number {
  let n = 0;
  for (let i = chunk.indexOf(0x0a); i !== -1 && i < end; i = chunk.indexOf(0x0a, i + 1)) n++;
  return n;
}
