// Messages between the extraction pool and its workers.
import type { PaperExtraction } from '../types.ts';

/** Only what extraction reads travels to a worker. */
export interface ChunkRequest {
  seq: number;
  papers: { title: string | null; abstract: string }[];
}

export type ChunkResult = { seq: number; extractions: PaperExtraction[] } | { seq: number; error: string };
