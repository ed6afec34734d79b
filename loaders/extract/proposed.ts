// Deciding which of a sentence's mentions the paper introduces, from the cues found by proposals.ts, and the
// paper-level rules that need every sentence first: variants of a new name, the title's own name.
import { lexicon } from './lexicon.ts';
import { GENERIC_PHRASE_WORDS, typeFromHead, type Mention } from './mentions.ts';
import { enumeratedNames, enumeratedPhrases, isAppositive, proposalSpans, STOPS } from './proposals.ts';
import { isCapitalized, isStrongName, norm, type Sentence } from './text.ts';
import type { PaperEntity } from './entities.ts';

const ARTICLE = /^(?:the|a|an)$/i;
// Verbs whose subject, when it is the paper's own new entity, introduces another: "SHRP introduces Expert Attention".
const SUBJECT_CUE = /^(?:introduces|proposes|presents|contributes|features|comprises|consists|contains|includes)$/;

/**
 * A listed entity (or a model name) is new only when it is the very object of the cue and stands alone:
 * "We propose Lightning Attention, a ..." but not "We propose a customized FlashAttention kernel".
 */
function canBeNew(m: Mention, s: Sentence, from: number, titleKey: string): boolean {
  if (!m.lex && m.source !== 'model') return true;
  if (!/[A-Z]/.test(m.name)) return false;
  for (let k = from; k < m.start; k++) if (!ARTICLE.test(s.tokens[k].text)) return false;
  if (titleKey.includes(norm(m.name))) return true;
  const next = s.tokens[m.end];
  return !next || next.punct || STOPS.has(next.text);
}

/** Mentions of sentence `sent` that the paper introduces; may add unlisted names found after a cue to `mentions`. */
export function proposedMentions(s: Sentence, sent: number, mentions: Mention[], title: string, isProposed: (m: Mention) => boolean): Set<Mention> {
  const out = new Set<Mention>();
  const titleKey = norm(title);
  const spans = proposalSpans(s);
  const first = mentions[0];
  if (first && first.start <= 1 && SUBJECT_CUE.test(s.tokens[first.end]?.text ?? '') && isProposed(first)) spans.push([first.end + 1, s.tokens.length]);
  const claimed = (i: number) => mentions.some((m) => i >= m.start && i < m.end);
  for (const m of enumeratedPhrases(s, sent, claimed, spans.length > 0)) mentions.push(m);
  for (const m of enumeratedNames(s, mentions, spans.length > 0)) out.add(m);
  for (const [from, to] of spans) {
    let found = false;
    for (const m of mentions) {
      if (m.start < from || m.start >= to) continue;
      found = true;
      if (canBeNew(m, s, from, titleKey)) out.add(m);
    }
    if (found) continue;
    const m = namePhrase(s, sent, from, to);
    if (m) {
      mentions.push(m);
      out.add(m);
    }
  }
  for (const m of mentions) if (isAppositive(s, m, s.tokens[m.end - 1].end) && canBeNew(m, s, m.start, titleKey)) out.add(m);
  return out;
}

const KIND_NOUN = /^(?:model|method|framework|mechanism|approach|metric|benchmark|dataset|system|algorithm|technique)$/;
const LOWER_CODED = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;
const MODIFIER_NAME = /-(?:aware|based|free|efficient|friendly|style|like|level|wise|specific|agnostic|guided|driven|augmented|enhanced|oriented|centric|only)$/i;
// "a new long-context Named Entity Recognition dataset": a task names what the thing is for.
const TASK_NAME = /(?:^|\s)(?:Recognition|Classification|Detection|Segmentation|Answering|Summarization|Translation|Parsing|Tagging|Labell?ing)$/;
const LOWER_HEAD = /^(?:score|attention|metric|loss)$/;
const GENERIC_NAME = /^(?:Large Language Models?|Language Models?|Transformers?|Attention|LLMs?|Vision Transformers?|Neural Networks?)$/;
const nameWord = (t: string) => isCapitalized(t) || isStrongName(t);

/** An unlisted capitalised name right after a proposal cue: "we propose Recycled Attention, ...". */
function namePhrase(s: Sentence, sent: number, from: number, to: number): Mention | null {
  const { tokens, text } = s;
  // The name may follow a short description: "a new pooling strategy, Multi-Layers Trainable Pooling, which ...".
  let i = from;
  // "a novel model bge-en-icl": a lower-case coined name right after the kind of thing it is.
  const coded = (k: number) => k > from && KIND_NOUN.test(tokens[k - 1].text) && LOWER_CODED.test(tokens[k].text);
  while (i < to && !coded(i) && (tokens[i].text === ',' || (!tokens[i].punct && !nameWord(tokens[i].text))) && i - from < 6) i++;
  if (i < to && coded(i)) {
    const next = tokens[i + 1];
    if (next && !next.punct && !STOPS.has(next.text)) return null;
    return { sent, start: i, end: i + 1, charStart: tokens[i].start, name: tokens[i].text, alias: null, type: typeFromHead(tokens[i - 1].text), source: 'phrase', typeKnown: false, family: null, parameters: null, lex: null };
  }
  if (i >= to || tokens[i].punct) return null;
  let j = i;
  while (j < to && !tokens[j].punct && nameWord(tokens[j].text)) j++;
  if (j === i) return null;
  // A lower-case head completes a new name: "a Global-Local score", "DiffQKV attention".
  if (j < tokens.length && LOWER_HEAD.test(tokens[j].text)) j++;
  const name = text.slice(tokens[i].start, tokens[j - 1].end);
  const next = tokens[j]?.text;
  // A single plain word is a name only when it stands alone: "we propose Quad, a ...", "We propose Self-Extend to ...", "our model, Ziya-Reader".
  const hyphenName = name.includes('-') && (i === from || /^[A-Z][a-z]+-[A-Z]/.test(name));
  if (j - i === 1 && !isStrongName(name) && !hyphenName && next !== undefined && !/^[,(:]$/.test(next)) return null;
  // "IO-aware algorithms", "LLM-based rankers": a modifier built on a name.
  if (j - i === 1 && MODIFIER_NAME.test(name)) return null;
  if (GENERIC_NAME.test(name) || lexicon().isGeneric(name) || TASK_NAME.test(name)) return null;
  // Generic words make a name only without an article: "we introduce Efficient Attention", not "we design an Attention Network".
  if (i > from && tokens.slice(i, j).every((t) => GENERIC_PHRASE_WORDS.has(t.text))) return null;
  return { sent, start: i, end: j, charStart: tokens[i].start, name, alias: null, type: typeFromHead(name), source: 'phrase', typeKnown: false, family: null, parameters: null, lex: null };
}

/** An unlisted name the abstract defines with an acronym and the title repeats: "... with Regularized Relevance Reward". */
export function namedInTitle(e: PaperEntity, titleKey: string): boolean {
  if (e.proposed || e.lex || e.type === 'model' || e.type === 'dataset' || !e.aliases.length || !/^[A-Z]/.test(e.name)) return false;
  return e.forms.some((f) => f.length >= 6 && titleKey.includes(f));
}

const VARIANT_SUFFIX = /^(?:base|large|small|tiny|mini|xl|plus|lite|v\d+)$/;

/**
 * Names built on one of the paper's new names are new too: MoH-LLaMA3-8B and Hedgehog-Llama2 7B (a new method
 * applied to a model), Faster-VTrans, ConvBERTbase, S3-Hybrid beside S3-Attention.
 */
export function isVariantOf(e: PaperEntity, proposed: PaperEntity[]): boolean {
  if (e.proposed || e.lex) return false;
  const parts = e.name.split(/[-\s]+/);
  const key = norm(e.name);
  return proposed.some((p) => {
    if (p.lex || p === e) return false;
    for (const f of p.forms) {
      if (f.length < (/\d/.test(f) ? 2 : 3) || f === key) continue;
      if (parts.length > 1 && parts.some((x) => norm(x) === f)) return true;
      if (key.startsWith(f) && VARIANT_SUFFIX.test(key.slice(f.length))) return true;
    }
    // A shared name-like head: S3-Hybrid and S3-Attention.
    const head = p.name.split(/[-\s]+/)[0];
    return parts.length > 1 && p.name.includes('-') && norm(head) === norm(parts[0]) && isStrongName(parts[0]) && !lexicon().isKnown(parts[0]);
  });
}
