// The targets from the project's issues (2-5). Benchmarks report against them; tests never assert them.
export const TARGETS = {
  ingest: { papers: 100_000, papersPerSec: 10_000, peakRssMB: 500 },
  store: { papers: 100_000, papersPerSec: 3_000, peakRssMB: 1_500 },
  api: { connections: 20, cachedShare: 0.4, seedP99Ms: 50, largeP99Ms: 250, largePapers: 100_000 },
  scaling: { sizes: [1_000, 10_000, 100_000] },
} as const;

/** Background CPU use (share of all cores, sampled while the bench was idle) above which figures are provisional. */
export const BUSY_THRESHOLD = 0.15;
