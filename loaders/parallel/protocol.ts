// Messages between the extraction pool and its workers.
import type { PaperExtraction } from '../types.ts';

/** Only what extraction reads travels to a worker. */
export interface ChunkRequest {
  seq: number;
  papers: { title: string | null; abstract: string }[];
}

/**
 * Each paper's extraction as JSON: a few flat strings per chunk cross threads and wait in the
 * queue far more cheaply than object graphs (which V8 would promote to its old generation and
 * leave there as garbage); the consumer parses one paper at a time, just before using it.
 */
export type ChunkResult = { seq: number; extractions: string[] } | { seq: number; error: string };

/** The lists whose items carry an evidence sentence. */
const EVIDENCED = ['entities', 'buildsOn', 'comparedWith', 'evaluatedOn', 'appliedTo'] as const satisfies readonly (keyof PaperExtraction)[];

/**
 * A paper's few sentences are the evidence of many items: each goes once, items refer to it by
 * number, and after decoding share one string (40% fewer bytes to copy and parse).
 */
export function encodeExtraction(x: PaperExtraction): string {
  const sentences: string[] = [];
  const numbers = new Map<string, number>();
  const ref = (s: string) => {
    let n = numbers.get(s);
    if (n === undefined) numbers.set(s, (n = sentences.push(s) - 1));
    return n;
  };
  const lists = Object.fromEntries(EVIDENCED.map((k) => [k, x[k].map((item) => (item.evidence === null ? item : { ...item, evidence: ref(item.evidence) }))]));
  return JSON.stringify([sentences, { ...x, ...lists }]);
}

export function decodeExtraction(json: string): PaperExtraction {
  const [sentences, x] = JSON.parse(json) as [string[], PaperExtraction];
  for (const k of EVIDENCED) {
    for (const item of x[k] as { evidence: string | number | null }[]) if (item.evidence !== null) item.evidence = sentences[item.evidence as number]!;
  }
  return x;
}
