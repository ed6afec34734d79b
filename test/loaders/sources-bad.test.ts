import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, readSources } from '../../loaders/sources/index.ts';
import { readLines } from '../../loaders/sources/lines.ts';
import { readAtom } from '../../loaders/sources/atom.ts';
import type { SourceRecord } from '../../loaders/types.ts';

const FIX = 'test/fixtures/sources/bad';
const tmp = mkdtempSync(join(tmpdir(), 'kg-sources-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function collect(paths: string[]): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of readSources(paths, { asOf: '2026-11-22' })) out.push(r);
  return out;
}
/** Compact view: `P line title` for papers, `R line reason` for rejections. */
const summary = (records: SourceRecord[]) =>
  records.map((r) => (r.kind === 'paper' ? `P ${r.paper.provenance.line} ${r.paper.title}` : `R ${r.rejection.line} ${r.rejection.reason}`));

function tmpFile(name: string, content: string | Buffer): string {
  const file = join(tmp, name);
  writeFileSync(file, content);
  return file;
}

const SEED = readFileSync('data/003_3f4c75096db6d2ed.txt');

describe('bad input becomes rejections naming file and line', () => {
  it('binary file', async () => {
    const file = tmpFile('binary.txt', Buffer.concat([Buffer.from('title\nabstract\n'), Buffer.from([0x89, 0x50, 0x00, 0x01, 0xff])]));
    expect(await collect([file])).toEqual([{ kind: 'rejected', rejection: { file, line: 3, reason: 'binary file (NUL byte)' } }]);
  });

  it('empty and blank files', async () => {
    const empty = tmpFile('empty.txt', '');
    const blank = tmpFile('blank.jsonl', '\n  \n\t\n');
    expect(summary(await collect([empty, blank]))).toEqual(['R 1 empty file', 'R 1 empty file']);
  });

  it('a listing of page chrome only has no papers', async () => {
    const file = tmpFile('chrome.txt', 'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nMay 19\n');
    expect(summary(await collect([file]))).toEqual(['R 1 no papers found in listing']);
  });

  it('truncated listing: complete entries load, the cut entry is rejected', async () => {
    expect(summary(await collect([join(FIX, 'truncated-listing.txt')]))).toEqual([
      'P 13 Sparse Query Attention (SQA): A Computationally Efficient Attention Mechanism with Query Heads Reduction',
      'P 21 Unveiling and Harnessing Hidden Attention Sinks: Enhancing Large Language Models without Training through Attention Calibration',
      'R 29 title has no abstract (file truncated?)',
    ]);
  });

  it('listing cut inside a metadata block keeps the entry', async () => {
    const cut = SEED.subarray(0, SEED.indexOf('Jun 22, 2024'));
    const records = await collect([tmpFile('cut-meta.txt', cut)]);
    expect(summary(records)).toEqual([
      'P 13 Sparse Query Attention (SQA): A Computationally Efficient Attention Mechanism with Query Heads Reduction',
      'P 21 Unveiling and Harnessing Hidden Attention Sinks: Enhancing Large Language Models without Training through Attention Calibration',
    ]);
    expect(records[1].kind === 'paper' && records[1].paper).toMatchObject({ authorCount: 6, publishedAt: null });
  });

  it('title-less abstract without metadata is ambiguous and rejected; its neighbours load', async () => {
    expect(summary(await collect([join(FIX, 'ambiguous-untitled.txt')]))).toEqual([
      'P 1 Sparse Sinkhorn Attention',
      'R 5 abstract with no title and no metadata (ambiguous: not loaded)',
      'P 7 Reformer: The Efficient Transformer',
    ]);
  });

  it('a title followed by another title lost its abstract', async () => {
    expect(summary(await collect([join(FIX, 'lost-abstract.txt')]))).toEqual([
      'R 2 title has no abstract (next line is another title)',
      'P 3 Big Bird: Transformers for Longer Sequences',
    ]);
  });

  it('a 50 MB single line is streamed, rejected, and the lines around it still load', async () => {
    const file = join(tmp, 'huge.jsonl');
    const out = createWriteStream(file);
    const good = (t: string) => JSON.stringify({ title: t, abstract: 'We propose a method and evaluate it carefully.' }) + '\n';
    out.write(good('Before'));
    const block = Buffer.alloc(1 << 20, 'a');
    for (let i = 0; i < 50; i++) if (!out.write(block)) await new Promise((r) => out.once('drain', r));
    out.write('\n' + good('After'));
    await new Promise<void>((r) => out.end(r));

    const before = process.memoryUsage();
    let peak = 0;
    const records: SourceRecord[] = [];
    for await (const r of readSources([file], { asOf: '2026-11-22' })) {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers - before.heapUsed - before.arrayBuffers);
      records.push(r);
    }
    expect(summary(records)).toEqual(['P 1 Before', `R 2 line 2 longer than ${MAX_LINE_BYTES} bytes`, 'P 3 After']);
    expect(peak).toBeLessThan(30 * (1 << 20));
  });

  it('the line splitter enforces its cap exactly and keeps numbering', async () => {
    const file = tmpFile('cap.txt', 'abcd\nabcde\n\nxyz');
    const lines = [];
    for await (const l of readLines(file, 4)) lines.push(l);
    expect(lines).toEqual([
      { line: 1, text: 'abcd' },
      { line: 2, error: 'line 2 longer than 4 bytes' },
      { line: 3, text: '' },
      { line: 4, text: 'xyz' },
    ]);
  });

  it('lines that cross the reader\'s chunks come out as a line-by-line decode gives them', async () => {
    // Several MiB of lines with multi-byte characters (some split across a chunk's end), CRLFs, BOMs,
    // a NUL, invalid UTF-8 and overlong lines, against the plain reading of the same bytes.
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const pieces = ['attention ', 'é', '—', '𝛼', ' ', 'x', '\ufeff'];
    const lines: Buffer[] = [];
    for (let total = 0; total < 3.5 * (1 << 20); ) {
      const kind = next(200);
      let line: Buffer;
      if (kind === 0) line = Buffer.from('bad \xff\xfe byte', 'latin1');
      else if (kind === 1) line = Buffer.from('nul \0 byte');
      else if (kind === 2) line = Buffer.alloc(70_000, 'a');
      else {
        let text = '';
        for (let k = next(900); k > 0; k--) text += pieces[next(pieces.length)];
        line = Buffer.from(next(10) === 0 ? `${text}\r` : text);
      }
      lines.push(line);
      total += line.length + 1;
    }
    const file = tmpFile('chunks.txt', Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
    const cap = 60_000;
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const expected = lines.map((bytes, at) => {
      const line = at + 1;
      if (bytes.length > cap) return { line, error: `line ${line} longer than ${cap} bytes` };
      if (bytes.includes(0)) return { line, error: `line ${line} contains a NUL byte (binary data)` };
      let text: string;
      try {
        text = fatal.decode(bytes);
      } catch {
        return { line, error: `line ${line} is not valid UTF-8` };
      }
      if (line === 1 && text.startsWith('\ufeff')) text = text.slice(1);
      return { line, text: text.endsWith('\r') ? text.slice(0, -1) : text };
    });
    const got = [];
    for await (const l of readLines(file, cap)) got.push(l);
    expect(got.length).toBe(expected.length);
    expect(got).toEqual(expected);
  });

  it('invalid UTF-8 rejects the affected line only (JSON Lines)', async () => {
    const ok = '{"title": "Good", "abstract": "A valid abstract that loads."}\n';
    const file = tmpFile('bad-utf8.jsonl', Buffer.concat([Buffer.from(ok), Buffer.from('{"title": "Bad \xff", "abstract": "x"}\n', 'latin1'), Buffer.from(ok)]));
    expect(summary(await collect([file]))).toEqual(['P 1 Good', 'R 2 line 2 is not valid UTF-8', 'P 3 Good']);
  });

  it('invalid UTF-8 in a listing abstract rejects that entry, the rest loads', async () => {
    const text = SEED.toString('latin1').replace('The attention mechanism within', 'The attention \xc3\x28 mechanism within');
    const records = await collect([tmpFile('bad-utf8.txt', Buffer.from(text, 'latin1'))]);
    const rejections = summary(records).filter((s) => s.startsWith('R'));
    expect(rejections).toEqual(['R 29 title has no readable abstract (line 31 rejected)', 'R 31 line 31 is not valid UTF-8']);
    expect(records.filter((r) => r.kind === 'paper')).toHaveLength(41);
  });

  it('broken JSON lines: parse message, missing or mistyped fields; other lines load', async () => {
    const file = join(FIX, 'broken.jsonl');
    const records = await collect([file]);
    expect(summary(records)).toEqual([
      'P 1 Performer: Rethinking Attention with Performers',
      expect.stringMatching(/^R 2 invalid JSON: .*(Unterminated string|JSON)/),
      'R 3 missing field "abstract"',
      'R 4 field "authorCount" must be a non-negative integer',
      'R 5 expected a JSON object',
      'R 7 field "date" must be a YYYY-MM-DD date, got "June 2021"',
      'P 8 Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention',
    ]);
    for (const r of records) if (r.kind === 'rejected') expect(r.rejection.file).toBe(file);
  });

  it('a JSON array is not JSON Lines', async () => {
    expect(summary(await collect([join(FIX, 'array.json')]))).toEqual(['R 1 JSON array: expected JSON Lines (one object per line)']);
  });

  it('invalid XML names the line from the validator', async () => {
    expect(summary(await collect([join(FIX, 'invalid.xml')]))).toEqual([
      "R 7 invalid XML: Expected closing tag 'summary' (opened in line 6, col 5) instead of closing tag 'entry'.",
    ]);
  });

  it('XML that is not Atom, entries without summary, arXiv API errors', async () => {
    expect(summary(await collect([join(FIX, 'not-atom.xml'), join(FIX, 'atom-problems.xml')]))).toEqual([
      'R 1 XML is not an Atom feed (root element <rss>)',
      'R 3 entry has no <summary> (abstract)',
      'R 7 arXiv API error: incorrect id format for 1234.12345',
    ]);
  });

  it('an Atom feed over the size cap is rejected before being read', async () => {
    const file = tmpFile('big.xml', '<feed xmlns="http://www.w3.org/2005/Atom">' + ' '.repeat(2000) + '</feed>');
    const records: SourceRecord[] = [];
    for await (const r of readAtom(file, 1000)) records.push(r);
    expect(summary(records)).toEqual(['R 1 Atom feed is 2049 bytes, more than the 1000 bytes limit']);
  });

  it('nonexistent, not-a-folder and special paths', async () => {
    const missing = join(tmp, 'missing.txt');
    const through = join(tmpFile('plain.txt', 'x'), 'child.txt');
    const fifo = join(tmp, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const records = await collect([missing, through, fifo]);
    expect(records.map((r) => r.kind === 'rejected' && [r.rejection.file, r.rejection.line])).toEqual([
      [missing, 0],
      [through, 0],
      [fifo, 0],
    ]);
    expect(summary(records)).toEqual([
      expect.stringMatching(/^R 0 cannot read: ENOENT/),
      expect.stringMatching(/^R 0 cannot read: ENOTDIR/),
      'R 0 not a regular file or folder',
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission', async () => {
    const file = tmpFile('secret.txt', 'Title\n\nAn abstract that is long enough to read as one.\n');
    execFileSync('chmod', ['000', file]);
    expect(summary(await collect([file]))).toEqual([expect.stringMatching(/^R 0 read failed: EACCES/)]);
  });
});
