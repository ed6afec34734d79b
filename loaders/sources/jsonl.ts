// JSON Lines, one paper an object a line (the project's interchange format): each bad line is rejected alone.
import type { RawPaper, SourceRecord } from '../types.ts';
import { makePaper } from '../normalize/paper.ts';
import { parseIsoDate } from './dates.ts';
import type { Line } from './lines.ts';

/** Parses batches of lines (readLineBatches) into the records of each batch. */
export async function* readJsonl(batches: AsyncIterable<Line[]>, file: string): AsyncGenerator<SourceRecord[]> {
  for await (const lines of batches) {
    const out: SourceRecord[] = [];
    for (const l of lines) {
      if ('error' in l) {
        out.push({ kind: 'rejected', rejection: { file, line: l.line, reason: l.error } });
        continue;
      }
      if (l.text.trim() === '') continue;
      const result = parseJsonPaper(l.text, file, l.line);
      out.push(typeof result === 'string' ? { kind: 'rejected', rejection: { file, line: l.line, reason: result } } : { kind: 'paper', paper: result });
    }
    if (out.length) yield out;
  }
}

/** A RawPaper, or the reason the line is not one. */
export function parseJsonPaper(text: string, file: string, line: number): RawPaper | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return `invalid JSON: ${(err as Error).message}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const o = value as Record<string, unknown>;
  try {
    const abstract = o.abstract;
    if (abstract === undefined || abstract === null) throw new FieldError('missing field "abstract"');
    if (typeof abstract !== 'string') throw new FieldError('field "abstract" must be a string');
    const paper = makePaper(
      {
        title: str(o, 'title'),
        abstract,
        publishedAt: date(o, o.publishedAt !== undefined ? 'publishedAt' : 'date'),
        authorCount: count(o, 'authorCount'),
        organization: str(o, o.organization !== undefined ? 'organization' : 'org'),
        upvotes: count(o, 'upvotes'),
        arxivId: str(o, 'arxivId'),
        url: str(o, 'url'),
      },
      { file, line },
    );
    if (paper.abstract === '') throw new FieldError('field "abstract" is empty');
    return paper;
  } catch (err) {
    if (err instanceof FieldError) return err.message;
    throw err;
  }
}

class FieldError extends Error {}

function str(o: Record<string, unknown>, field: string): string | null {
  const v = o[field];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new FieldError(`field "${field}" must be a string`);
  return v;
}

function count(o: Record<string, unknown>, field: string): number | null {
  const v = o[field];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    throw new FieldError(`field "${field}" must be a non-negative integer`);
  }
  return v;
}

function date(o: Record<string, unknown>, field: string): string | null {
  const v = str(o, field);
  if (v === null) return null;
  const iso = parseIsoDate(v);
  if (iso === null) throw new FieldError(`field "${field}" must be a YYYY-MM-DD date, got ${JSON.stringify(v.slice(0, 40))}`);
  return iso;
}
