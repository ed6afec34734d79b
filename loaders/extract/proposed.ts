// Deciding which of a sentence's mentions the paper introduces, from the cues found by proposals.ts, and the
// paper-level rules that need every sentence first: variants of a new name, the title's own name.
import { lexicon } from './lexicon.ts';
import { GENERIC_PHRASE_WORDS, typeFromHead, type Mention } from './mentions.ts';
import { AUTHOR_SUBJECT, enumeratedNames, enumeratedPhrases, isAppositive, proposalSpans, STOPS } from './proposals.ts';
import { firstStartingAt, isCapitalized, isStrongName, norm, type Sentence, type Token } from './text.ts';
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

/**
 * Mentions of sentence `sent` that the paper introduces, some perhaps twice (`titleKey`: the title's matching key); may
 * add unlisted names found after a cue to `mentions`.
 */
export function proposedMentions(s: Sentence, sent: number, mentions: Mention[], titleKey: string, isProposed: (m: Mention) => boolean): Mention[] {
  // A list, not a set: most sentences introduce nothing, the others a mention or two.
  const out: Mention[] = [];
  const subjectAt = s.text.search(AUTHOR_SUBJECT);
  const byAuthors = subjectAt >= 0;
  const spans = proposalSpans(s, subjectAt);
  const first = mentions[0];
  // A new entity as the sentence's subject, asked once (a table look-up).
  const leadsNew = !!first && first.start === 0 && isProposed(first);
  if (first && first.start <= 1 && SUBJECT_CUE.test(s.tokens[first.end]?.text ?? '') && (first.start === 0 ? leadsNew : isProposed(first))) spans.push([first.end + 1, s.tokens.length]);
  // Listed components follow an enumerator's closing bracket, which most sentences lack.
  if (s.text.includes(')')) {
    for (const m of enumeratedPhrases(s, sent, mentions, spans.length > 0)) mentions.push(m);
    for (const m of enumeratedNames(s, mentions, spans.length > 0)) out.push(m);
  }
  for (const [from, to] of spans) {
    let found = false;
    for (const m of mentions) {
      if (m.start < from || m.start >= to) continue;
      found = true;
      if (canBeNew(m, s, from, titleKey) && !possessedBy(s, from, m.start)) out.push(m);
    }
    if (found) continue;
    const m = namePhrase(s, sent, from, to);
    if (m) {
      mentions.push(m);
      out.push(m);
    }
  }
  for (const m of mentions) if (isAppositive(s, m, s.tokens[m.end - 1].end) && canBeNew(m, s, m.start, titleKey) && !definesKnown(s, m)) out.push(m);
  if (spans.length) coinedLowerName(s, sent, mentions, out, titleKey);
  // The subject may follow a sentence adverb: "Specifically, ActQKV monitors ...".
  const newSubject = leadsNew || (!!first && first.start === 2 && s.tokens[1].text === ',' && isProposed(first));
  if (newSubject) for (const m of describedParts(s, sent, mentions)) out.push(m);
  countedList(s, mentions, out, spans.length > 0 || byAuthors, leadsNew);
  return out;
}

// "ActQKV monitors a token-level indicator, Activation Bias, within ...": a new entity's part, described first.
const PART_ARTICLE = /^(?:a|an)$/;
const NOT_PART = /^(?:datasets?|benchmarks?|baselines?|models?|corpus|competitors?|llms?)$/;

/** Unlisted names set off by commas right after "a/an <description>" in a sentence whose subject is a new entity. */
function describedParts(s: Sentence, sent: number, mentions: Mention[]): Mention[] {
  const { tokens, text } = s;
  const out: Mention[] = [];
  for (let i = 3; i < tokens.length - 1; i++) {
    if (tokens[i - 1].text !== ',' || !nameWord(tokens[i].text)) continue;
    let j = i;
    while (j < tokens.length && j - i < 5 && !tokens[j].punct && nameWord(tokens[j].text)) j++;
    if (!/^[,(]$/.test(tokens[j]?.text ?? '')) continue;
    const words = tokens.slice(i, j).map((t) => t.text);
    if (words.length === 1 ? !isStrongName(words[0]) : words.every((w) => GENERIC_PHRASE_WORDS.has(w))) continue;
    const noun = tokens[i - 2].text;
    if (!/^[a-z]/.test(noun) || NOT_PART.test(noun) || !describedBefore(s, i - 2)) continue;
    const known = mentions.find((m) => m.start === i && m.end === j);
    if (known) {
      if (!known.lex) out.push(known);
      continue;
    }
    if (mentions.some((m) => m.start < j && m.end > i)) continue;
    const name = text.slice(tokens[i].start, tokens[j - 1].end);
    if (lexicon().isKnown(name) || lexicon().isGeneric(name)) continue;
    const m: Mention = { sent, start: i, end: j, charStart: tokens[i].start, name, alias: null, type: typeFromHead(name), source: 'phrase', typeKnown: false, family: null, parameters: null, lex: null };
    mentions.push(m);
    out.push(m);
  }
  return out;
}

/** "a token-level indicator": an indefinite article, then up to five lower-case words ending at `noun`, no comparison before. */
function describedBefore(s: Sentence, noun: number): boolean {
  const { tokens, text } = s;
  for (let k = noun; k >= Math.max(0, noun - 5); k--) {
    const t = tokens[k].text;
    if (PART_ARTICLE.test(t)) return !COMPARISON_WORD.test(text.slice(0, tokens[k].start));
    if (tokens[k].punct || !/^[a-z]/.test(t)) return false;
  }
  return false;
}
const COMPARISON_WORD = /\b(?:than|compared?|baselines?|existing|previous|prior|outperform\w*|against|unlike)\b/i;

// "two novel approaches that ...: A and B", "X builds vectors using three paradigms: A (AL), B (BL), and C (CL)".
const COUNTED = /\b(?:two|three|four|five|six)\s+([^:;.()]{0,100}?)([a-z-]+s)(?:\s+[^:;.()]{0,80})?:\s/;
const COUNT_NEW = /\b(?:new|novel)\b/;
// A comparison or evaluation lists existing things: "a comparative analysis of three architectures: ...".
const COUNT_STUDY = /\b(?:compar\w*|analy[sz]\w*|evaluat\w*|baselines?|benchmark\w*|existing|prior|previous|such as)\b/i;
// Nouns of the things an evaluation counts; a new entity's parts are otherwise its components.
const COUNT_DATA = /^(?:datasets|benchmarks|baselines|tasks|corpora|models|llms|languages|domains|metrics|settings|scenarios)$/i;
const LIST_SEP = new Set([',', 'and', 'or']);

/** Items of a counted list after the colon that the authors introduce, or that make up the sentence's new subject. */
function countedList(s: Sentence, mentions: Mention[], out: Mention[], byAuthors: boolean, byNewSubject: boolean): void {
  const { tokens, text } = s;
  // COUNTED ends at a colon: most sentences have none.
  if ((!byAuthors && !byNewSubject) || !text.includes(':')) return;
  const c = COUNTED.exec(text);
  if (!c || COUNT_STUDY.test(text.slice(0, c.index + c[0].length))) return;
  const fresh = COUNT_NEW.test(c[1]);
  if (!(fresh && byAuthors) && !(byNewSubject && !COUNT_DATA.test(c[2]))) return;
  const colon = tokens.findIndex((t) => t.start >= c.index + c[0].length - 2 && t.text === ':');
  if (colon < 0) return;
  // Items run between separators at bracket depth 0; a long item ("and integrates them with ...") ends the list.
  let from = colon + 1;
  let depth = 0;
  for (let k = from; k <= tokens.length; k++) {
    const t = tokens[k]?.text;
    if (t === '(') depth++;
    else if (t === ')') depth--;
    if (t !== undefined && (depth > 0 || !(LIST_SEP.has(t) || t === ';' || t === ':'))) continue;
    if (k - from > 6) return;
    for (const m of mentions) if (m.start >= from && m.end <= k && !m.lex) out.push(m);
    if (t === undefined || t === ';' || t === ':') return;
    from = k + 1;
  }
}

// "..., which we dub retrieval heads.", "we term this effect token drift": the authors name a thing in lower case.
// Only the authors as the subject of the naming verb ("termed X" alone often names someone else's idea), and only a
// name the title repeats: a lower-case name is otherwise often a phenomenon the paper studies ("we term them primary sinks").
const AUTHORS_NAME = /\b[Ww]e\s+(?:dub|term|call|name)\s+(?:(?:it|them|this|these|such)\s+(?:[a-z]+\s+)?)?(?:as\s+)?["“]?(?=[a-z])/g;
const LOWER_WORD = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function coinedLowerName(s: Sentence, sent: number, mentions: Mention[], out: Mention[], titleKey: string): void {
  const { tokens, text } = s;
  AUTHORS_NAME.lastIndex = 0;
  for (let c = AUTHORS_NAME.exec(text); c; c = AUTHORS_NAME.exec(text)) {
    const at = c.index + c[0].length;
    const i = firstStartingAt(tokens, at);
    if (i === tokens.length) continue;
    let j = i;
    while (j < tokens.length && j - i < 4 && !tokens[j].punct && LOWER_WORD.test(tokens[j].text) && !STOPS.has(tokens[j].text) && !ARTICLE.test(tokens[j].text)) j++;
    // The name ends the clause: at punctuation, a quote or a relative word; a longer run is a description.
    const next = tokens[j];
    if (j === i || j - i > 3 || (next && !next.punct && !STOPS.has(next.text))) continue;
    const name = text.slice(tokens[i].start, tokens[j - 1].end);
    // One plain word is too vague to be a name ("we call them sinks"); a coined compound is not ("we call it look-back").
    if (j - i === 1 && !name.includes('-')) continue;
    if (!titleKey.includes(norm(name).replace(/s$/, '')) || lexicon().isGeneric(name)) continue;
    const known = mentions.find((m) => m.start === i && m.end === j);
    if (known) {
      out.push(known);
      continue;
    }
    if (mentions.some((m) => m.start < j && m.end > i)) continue;
    const m: Mention = { sent, start: i, end: j, charStart: tokens[i].start, name, alias: null, type: typeFromHead(name), source: 'phrase', typeKnown: false, family: null, parameters: null, lex: null };
    mentions.push(m);
    out.push(m);
  }
}

// "a family of ...", "a new class of ...": the name after "of" is still the new thing.
const CLASSIFIER = /^(?:class|family|kind|type|set|suite|series|collection|variety|group|pair|number|line|lineup)$/;

/** "BEIR is a benchmark dataset for ...": a listed entity described, not introduced, unless called new. */
function definesKnown(s: Sentence, m: Mention): boolean {
  if (!m.lex) return false;
  const after = s.text.slice(s.tokens[m.end - 1].end, s.tokens[m.end - 1].end + 80);
  return /^\s*(?:is|are)\s/.test(after) && !/\b(?:novel|new|first|our)\b/i.test(after);
}

/** "we release 42 labels of the TREC Foo track": the new thing is the noun before "of", the name only qualifies it. */
function possessedBy(s: Sentence, from: number, at: number): boolean {
  for (let k = at - 1; k > from; k--) if (s.tokens[k].text === 'of') return !CLASSIFIER.test(s.tokens[k - 1].text);
  return false;
}

const KIND_NOUN = /^(?:model|method|framework|mechanism|approach|metric|benchmark|dataset|system|algorithm|technique)$/;
const LOWER_CODED = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;
const MODIFIER_NAME = /-(?:aware|based|free|efficient|friendly|style|like|level|wise|specific|agnostic|guided|driven|augmented|enhanced|oriented|centric|only)$/i;
// "a new long-context Named Entity Recognition dataset": a task names what the thing is for.
const TASK_NAME = /(?:^|\s)(?:Recognition|Classification|Detection|Segmentation|Answering|Summarization|Translation|Parsing|Tagging|Labell?ing)$/;
const LOWER_HEAD = /^(?:score|attention|metric|loss)$/;
const GENERIC_NAME = /^(?:Large Language Models?|Language Models?|Transformers?|Attention|LLMs?|Vision Transformers?|Neural Networks?)$/;
const nameWord = (t: string) => isCapitalized(t) || isStrongName(t);

/** "a novel model bge-en-icl": a lower-case coined name right after the kind of thing it is. */
function coded(tokens: Token[], from: number, k: number): boolean {
  return k > from && KIND_NOUN.test(tokens[k - 1].text) && LOWER_CODED.test(tokens[k].text);
}

/** An unlisted capitalised name right after a proposal cue: "we propose Recycled Attention, ...". */
function namePhrase(s: Sentence, sent: number, from: number, to: number): Mention | null {
  const { tokens, text } = s;
  // The name may follow a short description: "a new pooling strategy, Multi-Layers Trainable Pooling, which ...".
  let i = from;
  while (i < to && !coded(tokens, from, i) && (tokens[i].text === ',' || (!tokens[i].punct && !nameWord(tokens[i].text))) && i - from < 6) i++;
  if (i < to && coded(tokens, from, i)) {
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
  // "a novel augmentation method Cycle Translation": right after the kind of thing it is, a task-like word still names it.
  const kindBefore = i > from && KIND_NOUN.test(tokens[i - 1].text);
  if (GENERIC_NAME.test(name) || lexicon().isGeneric(name) || (TASK_NAME.test(name) && !kindBefore)) return null;
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
  if (e.proposed || e.lex || !proposed.length) return false;
  const parts = e.name.split(/[-\s]+/);
  const partKeys = parts.length > 1 ? parts.map(norm) : [];
  const key = norm(e.name);
  return proposed.some((p) => {
    if (p.lex || p === e) return false;
    for (const f of p.forms) {
      // Two characters make a form only with a digit.
      if (f.length < 2 || (f.length === 2 && !/\d/.test(f)) || f === key) continue;
      if (partKeys.includes(f)) return true;
      if (key.startsWith(f) && VARIANT_SUFFIX.test(key.slice(f.length))) return true;
    }
    // A shared name-like head: S3-Hybrid and S3-Attention.
    return partKeys.length > 1 && p.name.includes('-') && norm(p.name.split(/[-\s]+/)[0]) === partKeys[0] && isStrongName(parts[0]) && !lexicon().isKnown(parts[0]);
  });
}
