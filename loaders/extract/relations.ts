// Lineage between a paper's proposed entities and the others, from cue phrases in the same sentence.
import type { ExtractedRelation } from '../types.ts';
import type { PaperEntity } from './entities.ts';
import type { Sentence } from './text.ts';

const BUILD_CUE =
  /\b(?:build(?:s|ing)?\s+(?:up)?on|built\s+(?:up)?on|based\s+on|on\s+top\s+of|extend(?:s|ed|ing)?|extension\s+of|adapt(?:s|ed|ing)?|integrat(?:e|es|ed|ing|ion)|incorporat(?:e|es|ed|ing|ion)|inspired\s+by|deriv(?:e|es|ed|ing)\s+from|combin(?:e|es|ed|ing)|leverag(?:e|es|ed|ing)|employ(?:s|ed|ing)?|utiliz(?:e|es|ed|ing)|us(?:e|es|ed|ing)|fused\s+with|equipp?(?:ed|ing)?\s+with|equips?|appl(?:y|ies|ied|ying)|replac(?:e|es|ed|ing)|modif(?:y|ies|ied|ying|ication)|refin(?:e|es|ing)|upgrad(?:e|es|ing)|evolv(?:e|es|ed)\s+from|turns?|into|generaliz(?:e|es|ing)|variants?\s+of|draw(?:s|ing)?\s+on|tailored\s+to|principles?\s+of|enhancements?\s+to|continue-tuned)\b/gi;
const COMPARE_CUE =
  /\b(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|exceed(?:s|ed|ing)?|superior\s+to|better\s+than|faster\s+than|compared?\s+(?:with|to|against)|comparisons?\s+(?:with|to|against)|versus|vs\.?|relative\s+to|on\s+par\s+with|comparable\s+(?:to|with|performance\s+(?:to|with))|competitive\s+with|match(?:es|ing)?|against|than|over|improv(?:es|ing|ements?)\s+(?:over|upon|on)|rival(?:s|ing)?)\b/gi;
const WINS = /^(?:outperform|surpass|beat|exceed|superior|better|faster|improv|rival)/i;
const SELF_REFERENCE = /\b(?:we|our|this (?:paper|work)|the proposed|it)\b/i;
const APPLY_CUE = /\b(?:appl(?:y|ies|ied|ying)|on|to|with|using|fine-tun\w*|into|integrat\w*|equip\w*|based on|extend\w*)\b/i;

interface Cue {
  index: number;
  text: string;
}

function cues(re: RegExp, text: string): Cue[] {
  const out: Cue[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ index: m.index, text: m[0] });
  return out;
}

const kind = (e: PaperEntity) => e.type;

export interface Lineage {
  buildsOn: ExtractedRelation[];
  comparedWith: ExtractedRelation[];
  evaluatedOn: ExtractedRelation[];
  appliedTo: ExtractedRelation[];
}

export function extractLineage(sentences: Sentence[], entities: PaperEntity[]): Lineage {
  const proposed = entities.filter((e) => e.proposed);
  const out: Lineage = { buildsOn: [], comparedWith: [], evaluatedOn: [], appliedTo: [] };
  if (!proposed.length) return out;
  const primary = proposed.find((e) => e.type === 'method') ?? proposed[0];
  const seen = new Set<string>();
  const add = (list: ExtractedRelation[], from: PaperEntity, to: PaperEntity, evidence: string, outcome?: string) => {
    const key = `${list === out.buildsOn ? 'b' : list === out.comparedWith ? 'c' : list === out.evaluatedOn ? 'e' : 'a'}|${from.name}|${to.name}`;
    if (from === to || seen.has(key)) return;
    seen.add(key);
    list.push(outcome ? { from: from.name, to: to.name, evidence, outcome } : { from: from.name, to: to.name, evidence });
  };

  sentences.forEach((s, si) => {
    if (s.isTitle) return;
    const here = entities.flatMap((e) => e.mentions.filter((m) => m.sent === si).map((m) => ({ e, at: m.charStart })));
    if (!here.length) return;
    const compare = cues(COMPARE_CUE, s.text);
    const build = cues(BUILD_CUE, s.text);
    const subject = (cueAt: number) =>
      here.find((h) => h.e.proposed && h.at < cueAt)?.e ?? (SELF_REFERENCE.test(s.text.slice(0, cueAt)) || here.some((h) => h.e.proposed) ? primary : null);
    if (compare.length) {
      const from = subject(compare[0].index);
      if (from) {
        for (const h of here) {
          if (h.e.proposed || h.at < compare[0].index || kind(h.e) !== kind(from)) continue;
          add(out.comparedWith, from, h.e, s.text, compare.some((c) => WINS.test(c.text)) ? 'outperforms' : 'compared');
        }
      }
    }
    if (build.length) {
      const from = subject(s.text.length);
      const limit = compare.length ? compare[0].index : s.text.length;
      if (from) {
        for (const h of here) {
          if (h.e === from || h.at > limit || kind(h.e) !== kind(from) || (h.e.proposed && !h.e.name.includes(from.name) && !from.name.includes(h.e.name))) continue;
          if (h.e.proposed) continue;
          add(out.buildsOn, from, h.e, s.text);
        }
      }
    }
  });

  // Compound names built from another entity's name: MoH-LLaMA3-8B -> LLaMA3-8B, CHM-Corr++ -> CHM-Corr.
  for (const p of proposed) {
    for (const e of entities) {
      if (e === p || kind(e) !== kind(p)) continue;
      const contained = e.forms.some((f) => f.length >= 3 && p.forms.some((pf) => pf !== f && pf.includes(f) && pf.length > f.length + 1));
      if (contained && !e.forms.some((f) => p.forms.includes(f))) add(out.buildsOn, p, e, p.evidence ?? '');
    }
  }

  for (const e of entities) {
    if (e.proposed || !e.evidence) continue;
    if (e.type === 'dataset' && primary.type !== 'dataset') add(out.evaluatedOn, primary, e, e.evidence);
    if (e.type === 'model' && primary.type === 'method' && APPLY_CUE.test(e.evidence)) add(out.appliedTo, primary, e, e.evidence);
  }
  return out;
}
