// Lineage cue phrases: which words make a sentence say that a method builds on, or is compared with, another one.
// Each cue governs the noun phrases that follow it up to a clause boundary (its scope); relations.ts picks the
// subject (the proposed entity or "we/our method/it") and the targets inside that scope.
import { sortByStart } from './text.ts';

export type CueFamily = 'build' | 'compare';

export interface Cue {
  family: CueFamily;
  /** Character offsets of the cue phrase in the sentence. */
  start: number;
  end: number;
  text: string;
  /** A claim of superiority ("outperforms", "faster than"), for the comparison's outcome. */
  wins: boolean;
  /** Weak cues ("uses", "applies") link nothing in experiment descriptions or before an amount ("using half the memory"). */
  weak: boolean;
  /** "compare X with Y", "when comparing X and Y": the subject may stand inside the scope. */
  subjectInScope: boolean;
  /** "as baselines": the paper's own method is the implicit subject. */
  baseline: boolean;
}

// One alternation per family, so each sentence is scanned twice at most (and only when it holds a candidate pair).
const BUILD =
  /\b(?:build(?:s|ing)?\s+(?:up)?on|built\s+(?:(?:up)?on|with|using|from)|on\s+top\s+of|based\s+on|extend(?:s|ed|ing)?|extensions?\s+(?:of|to)|generali[sz]ations?\s+of|complement(?:s|ed|ing)|unlock(?:s|ed|ing)|customi[sz](?:e|es|ed|ing)|adapt(?:s|ed|ing)?|adaptations?\s+of|integrat(?:e|es|ed|ing)|integrations?\s+of|incorporat(?:e|es|ed|ing)|incorporations?\s+of|inspired\s+by|draw(?:s|ing)?\s+(?:inspiration\s+)?(?:on|from)|deriv(?:e|es|ed|ing)\s+from|evolv(?:e|es|ed|ing)\s+from|combin(?:e|es|ed|ing)|fus(?:e|es|ed|ing)\s+with|equipp?(?:ed|ing)\s+with|equips?|empowered\s+by|powered\s+by|guided\s+by|driven\s+by|leverag(?:e|es|ed|ing)|employ(?:s|ed|ing)?|utili[sz](?:e|es|ed|ing)|us(?:e|es|ed|ing)|(?:the\s+)?use\s+of|adopt(?:s|ed|ing)?|appl(?:y|ies|ied|ying)|applications?\s+of|replac(?:e|es|ed|ing)|modif(?:y|ies|ied|ying)|modifications?\s+(?:of|to)|refin(?:e|es|ed|ing)|upgrad(?:e|es|ed|ing)|variants?\s+of|versions?\s+of|enhancements?\s+(?:to|of)|principles?\s+of|tailored\s+to|initiali[sz]ed\s+(?:from|with)|distill(?:s|ed|ing)?\s+from|continue[sd]?-?\s?(?:pre-?)?(?:trained|tuned)|in\s+conjunction\s+with|together\s+with)\b/gi;
const COMPARE =
  /\b(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|exceed(?:s|ed|ing)?|outpac(?:e|es|ed|ing)|outstrip(?:s|ped|ping)?|rival(?:s|ed|ing)?|superior\s+to|preferable(?:\s+by\s+\w+)?\s+to|inferior\s+to|than|compar(?:e|es|ed|ing)(?:\s+(?:it|them|this|our\s+\w+))?(?:\s+(?:with|to|against))?|comparisons?\s+(?:with|to|against)|in\s+comparison\s+(?:to|with)|comparable(?:\s+\w+)?\s+(?:to|with)|competitive\s+with|on[\s-]par\s+with|close\s+to|relative\s+to|versus|vs\.?|against|match(?:es|ed)|unlike|in\s+contrast\s+to|as\s+(?:the\s+|our\s+)?baselines?|baselines?\s+(?:such\s+as|including|like)|correlat(?:es|ed|ing)\s+(?:\w+\s+)?with|improv(?:es|ed|ing|ements?)\s+(?:over|upon)|over)\b/gi;
const WINS = /^(?:outperform|surpass|beat|exceed|outpac|outstrip|rival|superior|preferable|improv)/i;
const WEAK = /^(?:us|the use|use|appl|employ|utili|adopt|leverag|combin|together|in conj)/i;
// "over" compares only after a gain or a comparative: "a 3x speedup over X", "improves accuracy over X".
const OVER_CONTEXT =
  /(?:speed-?ups?|improvements?|gains?|advantages?|boosts?|reductions?|improv\w*|better|faster|higher|lower|wins?|win rates?|lifts?|increases?|superiority|\d+(?:\.\d+)?\s*(?:x|times|%|points?|pp))\s+(?:\w+\s+){0,5}$/i;
// "than" after a comparative; "more than 4 billion words" is a quantity.
const THAN_QUANTITY = /\b(?:more|less|fewer|greater|larger|smaller|other|rather)\s+$/i;
const THAN_NUMBER = /^\s*(?:\d|one|two|three|four|five|ten|a\s+(?:few|half|third|quarter))/i;

// "robust against X" is a defence, not a comparison.
const DEFENCE_LEAD = /\b(?:robust(?:ness)?|defen[cs]e|protect\w*|attacks?|guard\w*)\s+$/i;
// "use cases" is no cue.
const USE = /^us(?:e|es|ed|ing)$/;
const USE_NOUN = /^\s+(?:case|cases|r|rs)\b/i;
const WORSE_LEAD = /\b(?:worse|slower|weaker|lower\s+(?:accuracy|quality|scores?))\b/i;
const COMPARING = /^compar(?:e|es|ing)\b/;

// The patterns above are module constants: a regex literal in the loop would build a new RegExp object at each match.
function scan(re: RegExp, family: CueFamily, text: string, out: Cue[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const t = m[0];
    const lower = t.toLowerCase();
    if (family === 'compare') {
      if (lower === 'over' && !OVER_CONTEXT.test(text.slice(Math.max(0, m.index - 80), m.index))) continue;
      if (lower === 'than' && (THAN_QUANTITY.test(text.slice(Math.max(0, m.index - 12), m.index)) || THAN_NUMBER.test(text.slice(m.index + 4, m.index + 16)))) continue;
      if (lower === 'against' && DEFENCE_LEAD.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    } else if (USE.test(lower) && USE_NOUN.test(text.slice(m.index + t.length, m.index + t.length + 7))) {
      continue;
    }
    out.push({
      family,
      start: m.index,
      end: m.index + t.length,
      text: t,
      wins: family === 'compare' && (WINS.test(t) || (lower === 'than' && !WORSE_LEAD.test(text.slice(Math.max(0, m.index - 40), m.index)))),
      weak: family === 'build' && WEAK.test(lower),
      subjectInScope: family === 'compare' && COMPARING.test(lower),
      baseline: family === 'compare' && lower.includes('baseline'),
    });
  }
}

/** Every lineage cue of a sentence, in text order. */
export function findCues(text: string): Cue[] {
  const out: Cue[] = [];
  scan(BUILD, 'build', text, out);
  scan(COMPARE, 'compare', text, out);
  sortByStart(out);
  // Overlaps ("based on" inside "is based on"): keep the first. Most sentences hold one cue: no copy then.
  return out.length < 2 ? out : out.filter((c, i) => i === 0 || c.start >= out[i - 1].end);
}

/** Where a cue's governed phrase ends: a clause boundary, an evaluation preposition or the next cue. */
const SCOPE_END =
  /[;:]|\.\s|\s[-–—]{1,2}\s|,\s*(?:while|whereas|which|where|but|thus|thereby|hence|so|yet|although|though|and\s+(?:we|our|it|its|they|the\s+proposed|then|thus|also)|(?:we|our|it|its|the\s+proposed|this)\b|(?:\w+ing)\b)|\s(?:while|whereas|which|who|that(?!\s+of)|but|because|since|though|although|whereby|on|in|across|at|for|under|within|during|by|via|when|where|if|to|as\s+(?:a|an|the)|is|are|was|were|has|have|can|could|will|would|may|might|shows?|showed|demonstrates?|achieves?|achieving|reaching|yields?|yielding|performs?|obtains?|exhibits?|delivers?|provides?|offers?|enables?|enabling|allows?|allowing|reduces?|reducing|improves?|requires?|results?|remains?|leads?|makes?|without|with\s+(?:only|just|up|less|fewer|more|minimal|negligible|no|a|an|\d))\b/i;

export function scopeEnd(text: string, from: number, limit: number): number {
  const max = Math.min(limit, from + 220);
  // search, not exec: only the offset is wanted, and it builds no match array.
  const at = text.slice(from, max).search(SCOPE_END);
  return at >= 0 ? from + at : max;
}

// Self-references: the paper's own contribution standing in for its name.
export const SELF_REF =
  /\b(?:we|our|us|it|its|this\s+(?:paper|work|study|method|approach|model|framework|technique|mechanism|architecture|system|design|module|algorithm|solution|benchmark|dataset|metric)|the\s+(?:proposed|resulting|new)\s+\w+|the\s+(?:method|approach|framework|model)|our\s+\w+)\b/gi;

/** The start of the last self-reference in `text` (or -1). */
export function lastSelfRef(text: string): number {
  SELF_REF.lastIndex = 0;
  let at = -1;
  for (let m = SELF_REF.exec(text); m; m = SELF_REF.exec(text)) at = m.index;
  return at;
}

/** Whether a self-reference starts at `from` or later in `text`. */
export function selfRefFrom(text: string, from: number): boolean {
  SELF_REF.lastIndex = from;
  return SELF_REF.test(text);
}

/** The start of the first self-reference in `text` (or -1). */
export function firstSelfRef(text: string): number {
  return text.search(SELF_REF);
}

const SENTENCE_OPENER =
  /^(?:[A-Z]?\w+ly|In\s+addition|Moreover|Notably|Specifically|Furthermore|Additionally|Then|First(?:ly)?|Second(?:ly)?|Finally|Here|Thus|Hence|Therefore|In\s+particular|In\s+this\s+(?:paper|work)|When|While|By|Through)\s*,?$/i;

/** A cue at the head of its sentence ("Compared to X, our ...", "Empirically, employing X, ..."): the subject follows. */
export function isSentenceInitial(before: string): boolean {
  const b = before.trim();
  if (!b) return true;
  return SENTENCE_OPENER.test(b);
}
