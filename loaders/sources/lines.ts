// Streams a file as numbered lines with a hard per-line byte cap, so a huge line is skipped, not buffered.
import { createReadStream } from 'node:fs';

export const MAX_LINE_BYTES = 1 << 20;

export type Line =
  | { line: number; text: string }
  | { line: number; error: string };

const NL = 0x0a;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Yields every line (1-based numbers); a line that is too long, not UTF-8 or holds a NUL byte comes back as an error. */
export async function* readLines(file: string, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<Line> {
  for await (const batch of readLineBatches(file, maxLineBytes)) yield* batch;
}

/** readLines a chunk at a time: the lines each read of the file completes, so a reader pays one await per chunk, not per line. */
export async function* readLineBatches(file: string, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<Line[]> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  let lineNo = 1;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    const batch: Line[] = [];
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(NL, start);
      const end = nl === -1 ? chunk.length : nl;
      if (!skipping) {
        const piece = chunk.subarray(start, end);
        if (size + piece.length > maxLineBytes) {
          skipping = true;
          parts = [];
          size = 0;
        } else if (piece.length > 0) {
          parts.push(piece);
          size += piece.length;
        }
      }
      if (nl === -1) break;
      batch.push(finish(lineNo++));
      start = nl + 1;
    }
    if (batch.length) yield batch;
  }
  if (size > 0 || skipping) yield [finish(lineNo)];

  function finish(line: number): Line {
    const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
    const tooLong = skipping;
    parts = [];
    size = 0;
    skipping = false;
    if (tooLong) return { line, error: `line ${line} longer than ${maxLineBytes} bytes` };
    return decodeLine(line, bytes);
  }
}

function decodeLine(line: number, bytes: Buffer): Line {
  if (bytes.includes(0)) return { line, error: `line ${line} contains a NUL byte (binary data)` };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { line, error: `line ${line} is not valid UTF-8` };
  }
  if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  return { line, text };
}
