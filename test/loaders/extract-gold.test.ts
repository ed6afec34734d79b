import { describe, expect, it } from 'vitest';
import { evaluate, THRESHOLDS } from '../../scripts/eval-extract.ts';

describe('extraction quality on the seed gold (score.mjs)', () => {
  it('meets every F1 threshold', async () => {
    const { scores, failures } = await evaluate();
    for (const bucket of Object.keys(THRESHOLDS)) expect(scores[bucket]).toBeDefined();
    expect(failures).toEqual([]);
  });
});
