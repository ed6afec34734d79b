export { normalizeText, normalizeTitle } from './text.ts';
export { makePaper, type PaperFields } from './paper.ts';
export { PaperDeduper, dedupePapers, type DedupeResult } from './dedupe.ts';
