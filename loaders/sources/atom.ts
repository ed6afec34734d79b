// arXiv API Atom feeds. A feed is parsed whole (XML has no line framing), so its size is capped.
import { readFile, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SourceRecord } from '../types.ts';
import { makePaper } from '../normalize/paper.ts';
import { parseIsoDate } from './dates.ts';

export const MAX_ATOM_BYTES = 64 * 1024 * 1024;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // Keep every value a string: a title such as `1984` must not become a number.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === 'entry' || name === 'link' || name === 'author',
});

type Node = Record<string, unknown>;

export async function* readAtom(file: string, maxBytes = MAX_ATOM_BYTES): AsyncGenerator<SourceRecord> {
  const reject = (line: number, reason: string): SourceRecord => ({ kind: 'rejected', rejection: { file, line, reason } });
  const { size } = await stat(file);
  if (size > maxBytes) {
    yield reject(1, `Atom feed is ${size} bytes, more than the ${maxBytes} bytes limit`);
    return;
  }
  const bytes = await readFile(file);
  const badLine = firstInvalidUtf8Line(bytes);
  if (badLine !== 0) {
    yield reject(badLine, `line ${badLine} is not valid UTF-8`);
    return;
  }
  const xml = bytes.toString('utf8');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    yield reject(valid.err.line, `invalid XML: ${valid.err.msg}`);
    return;
  }
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (err) {
    yield reject(1, `invalid XML: ${(err as Error).message}`);
    return;
  }
  const feed = doc.feed as Node | undefined;
  if (!feed || typeof feed !== 'object') {
    const root = Object.keys(doc).find((k) => !k.startsWith('?'));
    yield reject(1, `XML is not an Atom feed (root element <${root ?? 'none'}>)`);
    return;
  }
  const entries = (feed.entry as Node[] | undefined) ?? [];
  const lines = entryLines(xml);
  for (let i = 0; i < entries.length; i++) yield entryRecord(entries[i], file, lines[i] ?? 1);
}

function entryRecord(entry: Node, file: string, line: number): SourceRecord {
  const id = text(entry.id);
  const summary = text(entry.summary);
  // The arXiv API reports a bad query as a feed whose only entry is an error.
  if (id?.includes('arxiv.org/api/errors')) {
    return { kind: 'rejected', rejection: { file, line, reason: `arXiv API error: ${summary ?? id}` } };
  }
  if (!summary?.trim()) return { kind: 'rejected', rejection: { file, line, reason: 'entry has no <summary> (abstract)' } };
  const authors = Array.isArray(entry.author) ? entry.author.length : 0;
  const paper = makePaper(
    {
      title: text(entry.title),
      abstract: summary,
      publishedAt: parseIsoDate(text(entry.published) ?? text(entry.updated) ?? ''),
      authorCount: authors > 0 ? authors : null,
      arxivId: id ? arxivIdOf(id) : null,
      url: alternateLink(entry) ?? (id?.startsWith('http') ? id : null),
    },
    { file, line },
  );
  return { kind: 'paper', paper };
}

/** `http://arxiv.org/abs/2310.05209v1` -> `2310.05209`; old-style `hep-th/9901001v2` -> `hep-th/9901001`. */
export function arxivIdOf(id: string): string | null {
  const at = id.indexOf('arxiv.org/abs/');
  if (at === -1) return null;
  const bare = id.slice(at + 'arxiv.org/abs/'.length).trim().replace(/v\d+$/, '');
  return bare === '' ? null : bare;
}

function alternateLink(entry: Node): string | null {
  const links = (entry.link as Node[] | undefined) ?? [];
  const alt = links.find((l) => l['@_rel'] === 'alternate' || l['@_rel'] === undefined);
  return typeof alt?.['@_href'] === 'string' ? alt['@_href'] : null;
}

/** Element text whether the parser gave a string or an object with attributes. */
function text(v: unknown): string | null {
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return text((v as Node)['#text']);
  return null;
}

/** 1-based line of each `<entry` start tag, in document order. */
function entryLines(xml: string): number[] {
  const out: number[] = [];
  const tag = /<(?:[A-Za-z_][\w.-]*:)?entry[\s>/]/g;
  let line = 1;
  let pos = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    for (let i = xml.indexOf('\n', pos); i !== -1 && i < m.index; i = xml.indexOf('\n', i + 1)) line++;
    pos = m.index;
    out.push(line);
  }
  return out;
}

/** 1-based line of the first invalid UTF-8 byte, or 0 when the whole buffer is valid. */
function firstInvalidUtf8Line(bytes: Buffer): number {
  if (isUtf8(bytes)) return 0;
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl === -1 ? bytes.length : nl;
    if (!isUtf8(bytes.subarray(start, end))) return line;
    start = end + 1;
  }
  return line;
}
