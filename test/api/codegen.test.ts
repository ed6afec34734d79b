// The CI check for SDL-first: regenerating from schema/ and examples/ must reproduce the committed
// generated files exactly (edit the SDL, then run `npm run codegen`; never edit the output by hand).
import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.ts';

describe('generated code', () => {
  it('matches what graphql-codegen produces from the current schema and documents', async () => {
    const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
    expect(outputs.map((o) => o.filename).sort()).toEqual(
      expect.arrayContaining(['src/generated/graphql.ts', 'examples/generated/graphql.ts']),
    );
    for (const { filename, content } of outputs) {
      const committed = readFileSync(filename, 'utf8');
      expect(committed, `${filename} is stale: run npm run codegen`).toBe(content);
    }
  });
});
