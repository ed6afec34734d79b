// Builds a RawPaper with normalised text and every optional field defaulted to null.
import type { Provenance, RawPaper } from '../types.ts';
import { normalizeText, normalizeTitle } from './text.ts';

export type PaperFields = Partial<Omit<RawPaper, 'provenance' | 'abstract'>> & { abstract: string };

export function makePaper(fields: PaperFields, provenance: Provenance): RawPaper {
  return {
    title: normalizeTitle(fields.title),
    abstract: normalizeText(fields.abstract),
    publishedAt: fields.publishedAt ?? null,
    authorCount: fields.authorCount ?? null,
    organization: fields.organization == null ? null : normalizeTitle(fields.organization),
    upvotes: fields.upvotes ?? null,
    arxivId: fields.arxivId ?? null,
    url: fields.url ?? null,
    provenance,
  };
}
