// Classifies one line of a Hugging Face papers listing: page chrome, metadata, or paper text.
import { isValidDate, isoDate, monthNumber, resolveYearlessDate } from './dates.ts';

export type ListingLine =
  | { kind: 'skip' }
  | { kind: 'authors'; count: number }
  | { kind: 'separator' }
  | { kind: 'date'; date: string | null; upvotes: number | null }
  | { kind: 'text'; text: string };

const CHROME = new Set(['new', 'subscribe', 'daily papers', 'byak and the research community', '•', '·', '-']);
const AUTHORS = /^•\s*(\d{1,6})\s+authors?$/i;
const DATE = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:, (\d{4}))?(?: (\d{1,7}))?$/;
const GLUED_HEADER = 'Subscribe';

/**
 * `atHeader` is true until the first paper text: only there can the header word
 * `Subscribe` be glued to the first title (`SubscribeSome Title`).
 */
export function classifyListingLine(raw: string, atHeader: boolean, asOf: string): ListingLine {
  const line = raw.trim();
  if (line === '') return { kind: 'skip' };
  if (line === '·') return { kind: 'separator' };
  if (line.length <= 40) {
    const lower = line.toLowerCase();
    if (CHROME.has(lower)) return { kind: 'skip' };
    const authors = AUTHORS.exec(line);
    if (authors) return { kind: 'authors', count: Number(authors[1]) };
    const date = parseListingDate(line, asOf);
    if (date) return date;
  }
  if (line.startsWith('Get trending papers')) return { kind: 'skip' };
  if (atHeader && line.startsWith(GLUED_HEADER) && line.length > GLUED_HEADER.length) {
    // `Subscribed…` or `Subscribers…` are words, not the glued header.
    const rest = line.slice(GLUED_HEADER.length);
    if (!/^[a-z]/.test(rest)) return { kind: 'text', text: rest.trim() };
  }
  return { kind: 'text', text: line };
}

/** `Jun 22, 2024`, `Jan 13` (year from asOf) or either followed by an upvote count. */
function parseListingDate(line: string, asOf: string): ListingLine | null {
  const m = DATE.exec(line);
  if (!m) return null;
  const month = monthNumber(m[1]);
  if (month === 0) return null;
  const day = Number(m[2]);
  const upvotes = m[4] === undefined ? null : Number(m[4]);
  if (m[3] === undefined) return { kind: 'date', date: resolveYearlessDate(month, day, asOf), upvotes };
  const year = Number(m[3]);
  return { kind: 'date', date: isValidDate(year, month, day) ? isoDate(year, month, day) : null, upvotes };
}

/** `deepmind Deepmind` (hub handle, display name) -> `Deepmind`. */
export function organizationName(line: string): string {
  const space = line.indexOf(' ');
  return space === -1 ? line : line.slice(space + 1).trim();
}

/**
 * Abstracts in the listings run to hundreds of characters; titles stay under ~150.
 * A shorter line still counts as an abstract when it reads like a sentence.
 */
export function looksLikeAbstract(text: string): boolean {
  if (text.length >= 200) return true;
  const last = text[text.length - 1];
  if (last !== '.' && last !== '!') return false;
  let words = 1;
  for (let i = 0; i < text.length && words < 5; i++) if (text.charCodeAt(i) === 32) words++;
  return words >= 5;
}
