import type { ScenarioFigures } from './api.ts';
import type { Busyness, Machine } from './machine.ts';
import type { LoadFigures } from './store.ts';

export type Mode = 'quick' | 'full';
export const SECTIONS = ['ingest', 'store', 'api', 'scaling'] as const;
export type SectionName = (typeof SECTIONS)[number];

export interface Section<T> {
  mode: Mode;
  startedAt: string;
  seconds: number;
  /** How busy the machine was with other work just before the section started. */
  busy: Busyness;
  figures?: T;
  error?: string;
}

export interface IngestFigures {
  papers: number;
  corpus: string;
  readPapersPerSec: number;
  extractPapersPerSec: number;
  wholePapersPerSec: number;
  extractUsPerPaper: number;
  /** As the script reports it (process.resourceUsage().maxRSS). */
  peakRssMB: number;
  /** Measured from outside (GNU time / VmHWM). */
  externalPeakRssMB: number | null;
  /** Processes run; the throughput figures are the median one's (by parse + extract), the peaks the highest. Absent in results from before. */
  runs?: number;
  wholeRangePapersPerSec?: [number, number];
  command: string;
}

export interface FailedLoad {
  name: string;
  corpus: string;
  error: string;
  command: string;
}

export interface StoreFigures {
  loads: (LoadFigures | FailedLoad)[];
}

export interface ApiRun {
  store: string;
  papers: number;
  /** The uncached p99 target for this store size, ms. */
  p99TargetMs: number;
  /** The size the p99 target is stated for (100k for the large run even when --quick measures 10k). */
  targetPapers: number | null;
  results: ScenarioFigures[];
  command: string;
  /** The store could not be loaded or served: nothing measured. */
  error?: string;
}

export interface ApiFigures {
  duration: number;
  connections: number;
  runs: ApiRun[];
}

export interface ScalingRow {
  papers: number;
  load: LoadFigures;
  lineage: ScenarioFigures;
  search: ScenarioFigures;
  /** True when the figures are the API section's runs on the same store (same settings). */
  fromApiSection?: boolean;
  command: string;
}

export interface ScalingFigures {
  duration: number;
  connections: number;
  rows: (ScalingRow | { papers: number; error: string })[];
}

export interface Results {
  machine: Machine;
  /** The whole-run busyness sample taken before anything started. */
  busyAtStart: Busyness;
  command: string;
  ingest?: Section<IngestFigures>;
  store?: Section<StoreFigures>;
  api?: Section<ApiFigures>;
  scaling?: Section<ScalingFigures>;
}
