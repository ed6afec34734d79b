// Streams a file as numbered lines with a hard per-line byte cap, so a huge line is skipped, not buffered.
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';

export const MAX_LINE_BYTES = 1 << 20;

export type Line =
  | { line: number; text: string }
  | { line: number; error: string };

const NL = 0x0a;
// Large reads: fewer chunks, and fewer lines carried across a chunk's end.
const CHUNK_BYTES = 1 << 20;

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
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    const batch: Line[] = [];
    let start = 0;
    if (size > 0 || skipping) {
      // Finish the line an earlier chunk began.
      const nl = chunk.indexOf(NL);
      carry(chunk.subarray(0, nl === -1 ? chunk.length : nl));
      if (nl === -1) continue;
      batch.push(finish(lineNo++));
      start = nl + 1;
    }
    const last = chunk.lastIndexOf(NL);
    if (last >= start) {
      lineNo = splitLines(chunk.subarray(start, last), lineNo, maxLineBytes, batch);
      start = last + 1;
    }
    if (start < chunk.length) carry(chunk.subarray(start));
    if (batch.length) yield batch;
  }
  if (size > 0 || skipping) yield [finish(lineNo)];

  function carry(piece: Buffer): void {
    if (skipping) return;
    if (size + piece.length > maxLineBytes) {
      skipping = true;
      parts = [];
      size = 0;
    } else {
      parts.push(piece);
      size += piece.length;
    }
  }

  function finish(line: number): Line {
    const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
    const tooLong = skipping;
    parts = [];
    size = 0;
    skipping = false;
    return tooLong ? tooLongLine(line, maxLineBytes) : decodeLine(line, bytes);
  }
}

/** Pushes the newline-separated lines of `bytes` (a chunk's complete lines) and returns the next line number. */
function splitLines(bytes: Buffer, lineNo: number, maxLineBytes: number, batch: Line[]): number {
  if (bytes.length <= maxLineBytes && !bytes.includes(0) && isUtf8(bytes)) {
    // The common case: the run is checked once, and each line decoded on its own, so that an ASCII line
    // becomes a one-byte string the extraction reads faster (a slice of the whole run's text is two-byte
    // wherever the run holds one non-ASCII character, and would keep the whole run alive).
    for (let from = 0; ; lineNo++) {
      const nl = bytes.indexOf(NL, from);
      const to = nl === -1 ? bytes.length : nl;
      batch.push({ line: lineNo, text: tidy(lineNo, bytes.toString('utf8', from, to)) });
      if (nl === -1) return lineNo + 1;
      from = nl + 1;
    }
  }
  for (let from = 0; ; lineNo++) {
    const nl = bytes.indexOf(NL, from);
    const line = bytes.subarray(from, nl === -1 ? bytes.length : nl);
    batch.push(line.length > maxLineBytes ? tooLongLine(lineNo, maxLineBytes) : decodeLine(lineNo, line));
    if (nl === -1) return lineNo + 1;
    from = nl + 1;
  }
}

function tooLongLine(line: number, maxLineBytes: number): Line {
  return { line, error: `line ${line} longer than ${maxLineBytes} bytes` };
}

function decodeLine(line: number, bytes: Buffer): Line {
  if (bytes.includes(0)) return { line, error: `line ${line} contains a NUL byte (binary data)` };
  if (!isUtf8(bytes)) return { line, error: `line ${line} is not valid UTF-8` };
  return { line, text: tidy(line, bytes.toString('utf8')) };
}

/** Drops a trailing CR and a leading BOM (on line 1 up to two: the file's own, then one opening the text). */
function tidy(line: number, text: string): string {
  // Reads stay in range (a line may be or become empty): one out-of-range charCodeAt deoptimises the reader.
  if (text.length > 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (line === 1 && text.length > 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length > 0 && text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
  return text;
}
