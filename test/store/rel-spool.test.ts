// The relationship spool: NDJSON files per (type, from, to), each pair once, values kept exactly.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RelRow } from '../../src/store/batch.ts';
import { RelSpool, type SpoolGroup } from '../../src/store/embedded/rel-spool.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function spool(): RelSpool {
  const d = mkdtempSync(join(tmpdir(), 'kg-spool-'));
  dirs.push(d);
  return new RelSpool(join(d, 'spool'));
}

const mentions: SpoolGroup = { type: 'MENTIONS', fromLabel: 'Paper', toLabel: 'Method' };
const buildsOn: SpoolGroup = { type: 'BUILDS_ON', fromLabel: 'Method', toLabel: 'Method' };
const row = (from: string, to: string, evidence: string | null = null): RelRow => ({ from, to, evidence, paperId: null, outcome: null });

describe('relationship spool', () => {
  it('writes one JSON line per row per group, keeping quotes, line breaks, empty strings and nulls', () => {
    const s = spool();
    const tricky = row('paper:a', 'method:x', 'say "hi",\nthen \\ leave');
    s.append(mentions, [tricky, row('paper:a', 'method:y', ''), row('paper:b', 'method:x')]);
    s.append(buildsOn, [row('method:x', 'method:y', 'x extends y')]);
    const files = s.finish();
    expect(files.map((f) => [f.type, f.rows])).toEqual([
      ['MENTIONS', 3],
      ['BUILDS_ON', 1],
    ]);
    const lines = readFileSync(files[0]!.path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual(tricky);
    expect(lines[1].evidence).toBe('');
    expect(lines[2].evidence).toBeNull();
  });

  it('knows which pairs of a group it already holds', () => {
    const s = spool();
    expect(s.append(mentions, [row('paper:a', 'method:x')])).toBe(1);
    const again = [row('paper:a', 'method:x'), row('paper:a', 'method:y')];
    expect(s.unspooled(mentions, again)).toEqual([row('paper:a', 'method:y')]);
    expect(s.append(mentions, again)).toBe(1);
    // Pairs are per group: the same ids in another relationship type are new.
    expect(s.unspooled({ ...mentions, type: 'PROPOSES' }, again)).toHaveLength(2);
    s.close();
  });
});
