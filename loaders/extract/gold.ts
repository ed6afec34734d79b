// The gold JSON shape of ANNOTATION.md, printed by `kg extract --json` and scored by score.mjs.
import type { ExtractedRelation, GoldType, PaperExtraction } from '../types.ts';

export interface GoldRecord {
  key: string;
  title: string | null;
  entities: Array<{ name: string; aliases: string[]; type: GoldType; proposed: boolean }>;
  buildsOn: Array<{ from: string; to: string; evidence: string }>;
  comparedWith: Array<{ from: string; to: string; evidence: string }>;
}

const rel = ({ from, to, evidence }: ExtractedRelation) => ({ from, to, evidence });

export function toGoldRecord(x: PaperExtraction): GoldRecord {
  return {
    key: x.key,
    title: x.title,
    entities: x.entities.map(({ name, aliases, type, proposed }) => ({ name, aliases, type, proposed })),
    buildsOn: x.buildsOn.map(rel),
    comparedWith: x.comparedWith.map(rel),
  };
}
