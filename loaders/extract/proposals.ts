// Which mentions a paper introduces: "we propose/introduce/present X", "termed X", "X, a novel ...", "the proposed X",
// and the name before the colon of the title.
import { GENERIC_PHRASE_WORDS, typeFromHead, type Mention } from './mentions.ts';
import { firstStartingAt, foldAscii, isAsciiLetter, isCapitalized, isSpace, isStrongName, type Sentence, type Token } from './text.ts';
import { CharTrie } from './trie.ts';

const PROPOSE_CUE =
  /\b(?:we|this (?:paper|work|study|article|report|letter|thesis)|our (?:paper|work|study)|the (?:paper|authors?))\s+(?:\(\w{1,3}\)\s+)?(?:(?:also|further|first|then|here|hence|therefore|thus|now|newly|additionally|subsequently|finally|formally|successfully|empirically|carefully)\s+)?(?:propose[sd]?|introduce[sd]?|present(?:s|ed)?|develop(?:s|ed)?|design(?:s|ed)?|devise[sd]?|build|built|construct(?:s|ed)?|create[sd]?|release[sd]?|curate[sd]?|contribute[sd]?|offer(?:s|ed)?|establish(?:es|ed)?|formulate[sd]?|provide[sd]?|put forward|unveil(?:s|ed)?|collect(?:s|ed)?|name|call|term|dub)\b/gi;
// Lower-case cue words only, and never a compound's first part: "Named Entity Recognition", "named-entity recognition".
const NAMING_CUE = /\b(?:(?:first|second|third|main|key) contribution is|termed|dubbed|called|named|coined|referred to|known as|abbreviated|denoted|[Ww]e call it|[Ww]e name it|[Ww]e term it|[Ww]e dub it)(?:\s+as)?\b(?!-)/g;
const COINING_CUE = /\b(?:termed|dubbed|coined|named|denoted)(?:\s+as)?\b(?!-)/g;
// "... and propose X", "to introduce X" in a sentence whose subject is the authors.
const CHAINED_CUE = /\b(?:and|also|then|further|us to|we then)\s+(?:propose|introduce|present|develop|design|devise)\b/gi;
const AUTHOR_CUES = [PROPOSE_CUE, NAMING_CUE, CHAINED_CUE];
const OTHER_CUES = [COINING_CUE];
export const AUTHOR_SUBJECT = /\b(?:we|our|us|this (?:paper|work|study|article|report|letter|thesis)|the (?:paper|authors?))\b/i;
const PROPOSED_ADJ = /\b(?:(?:the|our) (?:proposed|resulting|new)|our)\s+$/i;
const OUR_NOUNS = 'method|model|approach|framework|system|algorithm|technique|architecture|benchmark|dataset|metric|solution|module|mechanism|pipeline|design|tool';
const OUR_NOUN = new RegExp(`\\b[Oo]ur (?:${OUR_NOUNS})s?,?\\s+(?:the\\s+|called\\s+|named\\s+)?$`);
// A proposal span ends at the first relative clause, preposition or verb-like word after the new name.
export const STOPS = new Set(['that', 'which', 'who', 'where', 'when', 'while', 'whereby', 'to', 'for', 'on', 'in', 'into', 'using', 'with', 'by', 'via', 'than', 'over', 'from', 'based', 'through', 'across', 'against', 'under', 'upon', 'within', 'without', 'between', 'among', 'as', 'at', 'like', 'such', 'including', 'leveraging', 'inspired', 'extension', 'variant', 'version', 'built', 'is', 'are', 'was', 'can', 'could', 'will', 'to', 'achieves', 'achieving', 'outperforms', 'outperforming', 'enables', 'enabling', 'allows', 'allowing', 'consisting', 'comprising', 'designed', 'tailored', 'capable', 'able', 'along', 'together', 'after', 'before', 'during', 'specifically', 'especially', 'particularly', 'e.g', 'i.e']);
const APPOSITION = /^\s*(?:\(|,)?\s*(?:is\s+)?(?:an?|the first|the)\s+(?:\S+\s+){0,3}?(?:novel|new|simple|first|efficient|effective|general|unified|lightweight|scalable|principled|plug-and-play|training-free|framework|method|approach|benchmark|dataset|model|architecture|technique|algorithm|metric|mechanism|system|suite|library|tool)\b/i;

const NOVEL_NOUNS = 'model|method|metric|measure|score|framework|approach|architecture|mechanism|algorithm|technique|strategy|benchmark|dataset|corpus|module|system';
const NOVEL_BEFORE = new RegExp(`\\b(?:a|an)\\s+(?:novel|new|improved)\\s+[^,.;:()]{0,70}?\\b(?:${NOVEL_NOUNS})s?,?\\s+$`, 'i');
const OPENS_CLAUSE = /^\s*$|(?:^|[,:]\s*)(?:here|in this (?:paper|work)|to this end|finally|specifically),?\s*$/i;
const PRESENT_OPENER = /^\s*(?:we present|we introduce)\s*$/i;
// Each text test above ends with one of these words (then a comma or spaces at most), or is OPENS_CLAUSE's blank
// start: a mention after any other word, or after no word within the sentence, skips them.
const CUE_LAST_WORDS = [
  ...'proposed resulting new our the called named here paper work end finally specifically present introduce'.split(' '),
  ...`${OUR_NOUNS}|${NOVEL_NOUNS}`.split('|').flatMap((w) => [w, `${w}s`]),
];
/** The cue words as a trie, and the nodes where one ends: afterCueWord walks the text in place, without slicing and lower-casing it. */
const cueWordEnds: number[] = [];
const CUE_WORDS = CharTrie.of(CUE_LAST_WORDS, (_, node) => (cueWordEnds[node] = 1));
const COMPARISON_BEFORE = /\b(?:than|compared?|baselines?|existing|previous|prior|outperform\w*|against)\b/i;

/** Token index ranges [from, to) whose mentions are proposed; `subjectAt`: where AUTHOR_SUBJECT first matches the sentence, or -1. */
export function proposalSpans(sentence: Sentence, subjectAt: number): Array<[number, number]> {
  const { text, tokens } = sentence;
  const spans: Array<[number, number]> = [];
  // Without the authors as subject, "called X" or "referred to as X" usually names someone else's idea (and no
  // "we propose" cue can match, which saves its regex).
  const cues = subjectAt >= 0 ? AUTHOR_CUES : OTHER_CUES;
  for (const re of cues) {
    // A "we propose" cue starts with an AUTHOR_SUBJECT match, so not before the first.
    re.lastIndex = re === PROPOSE_CUE ? subjectAt : 0;
    // test() leaves the cue's end in lastIndex without building a match array.
    while (re.test(text)) {
      const from = firstStartingAt(tokens, re.lastIndex);
      if (from === tokens.length) continue;
      spans.push([from, spanEnd(tokens, from)]);
      listAfterColon(tokens, from, spans);
    }
  }
  return spans;
}

// "we present a comparative analysis of three architectures: ...": the listed things are studied, not introduced.
const STUDIED = /^(?:compar\w*|analy[sz]\w*|evaluations?|assessments?|surveys?|reviews?|studies|study|investigations?)$/;
const NEW_THINGS = /^(?:new|novel|two|three|four|five|several|following|key|main|complementary)$/;

/** "we introduce two new scores: the Query-Key Score (QK-score), ..., and the Attention Score": each list item is new. */
function listAfterColon(tokens: Token[], from: number, spans: Array<[number, number]>): void {
  let colon = from;
  let counted = false;
  for (; colon < tokens.length && colon < from + 12; colon++) {
    const t = tokens[colon];
    if (t.text === ':') break;
    if (t.punct || isCapitalized(t.text) || isStrongName(t.text) || STUDIED.test(t.text)) return;
    counted ||= NEW_THINGS.test(t.text);
  }
  if (!counted || tokens[colon]?.text !== ':') return;
  let depth = 0;
  for (let i = colon; i < tokens.length - 1; i++) {
    const t = tokens[i].text;
    if (t === '(') depth++;
    else if (t === ')') depth--;
    else if (depth === 0 && (t === ':' || t === ',' || t === ';' || t === 'and') && !tokens[i + 1].punct) spans.push([i + 1, spanEnd(tokens, i + 1)]);
  }
}

const VERBISH = /^[a-z]+(?:ing|es)$/;
const NOT_VERBISH = /(?:thing|ring|ding)$/;
const isVerbish = (t: string) => (t.endsWith('ing') || t.endsWith('es')) && VERBISH.test(t) && !NOT_VERBISH.test(t);

function spanEnd(tokens: Token[], from: number): number {
  let depth = 0;
  let sawName = false;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i].text;
    if (t === '(') depth++;
    else if (t === ')') depth--;
    if (depth > 0) continue;
    if (t === ';' || (t === ':' && sawName)) return i;
    // "we present a comparative analysis of ...": what follows is studied, not introduced.
    if (!sawName && tokens[i + 1]?.text === 'of' && STUDIED.test(t)) return i;
    if (isCapitalized(t) || isStrongName(t)) sawName = true;
    if (STOPS.has(t) || (sawName && isVerbish(t))) return i;
  }
  return tokens.length;
}

/** Mentions introduced in this sentence by apposition or a possessive: "X, a novel ...", "our method, X", "the proposed X". */
export function isAppositive(sentence: Sentence, m: Mention, endChar: number): boolean {
  const { text } = sentence;
  if (!afterCueWord(text, m.charStart)) return false;
  const before = text.slice(0, m.charStart);
  if (PROPOSED_ADJ.test(before) || OUR_NOUN.test(before)) return true;
  // "a novel text similarity model, Hierarchical Foo Model (HFM)", "an improved metric, FooScore": the description comes first.
  if (NOVEL_BEFORE.test(before.slice(-90)) && !COMPARISON_BEFORE.test(before)) return true;
  const opensClause = OPENS_CLAUSE.test(before) || PRESENT_OPENER.test(before);
  return opensClause && APPOSITION.test(text.slice(endChar, endChar + 90));
}

/** Is the text before `end` blank, or its last word (past spaces and one comma) one of CUE_LAST_WORDS? */
function afterCueWord(text: string, end: number): boolean {
  let k = end;
  while (k > 0 && isSpace(text.charCodeAt(k - 1))) k--;
  if (k === 0) return true;
  if (text.charCodeAt(k - 1) === 44) k--;
  const to = k;
  while (k > 0 && isAsciiLetter(text.charCodeAt(k - 1))) k--;
  let node = CharTrie.ROOT;
  for (; k < to && node; k++) node = CUE_WORDS.step(node, foldAscii(text.charCodeAt(k)));
  return cueWordEnds[node] === 1;
}

const FUNCTION_WORDS = new Set(['and', 'or', 'the', 'a', 'an', 'of', 'for', 'to', 'in', 'on', 'with', 'is', 'are', 'all', 'you', 'need', 'towards', 'toward', 'via', 'from', 'at', 'by', 'do', 'does', 'can', 'what', 'how', 'when', 'why', 'not']);

const NAME_HEAD = /^(?:Attention|Transformers?|Former|Retrieval|Retriever|Ranker|Ranking|Encoding|Embeddings?|Network|Memory|Cache|Decoding|Search|Score|Benchmark|Bench|Dataset|Corpus|Net|Model|LM|Mixer|Router|Sampling|Pooling|Heads?|Kernel|Tuning|Prompting|Distillation|Quantization|Compression|Pruning|Selection|Index|Indexing|Sparsity)$/;
const GENERIC_TITLE_WORD = /^(?:LLMs?|Beyond|Towards?|Rethinking|Revisiting|Understanding|Why|How|When|What|Is|Are|Do|Does|Can|Less|More|Not|No|Meets|Matters)$/;

/** The title's own name: before the colon (PosIR, Landmark Attention, SALE), or a leading technique name (Deep Biaffine Attention for ...). */
export function titleName(title: string | null): string | null {
  if (!title) return null;
  const m = /^\s*([^:]{2,60}?)\s*:(?:\s+\S|[A-Z])/.exec(title);
  if (!m) return leadingName(title);
  // "Sparse Query Attention (SQA): ..." names Sparse Query Attention.
  const name = m[1].trim().replace(/\s*\([^)]*\)$/, '');
  const words = name.split(/\s+/);
  if (words.length > 5) return null;
  if (words.some((w) => FUNCTION_WORDS.has(w.toLowerCase()) || /^[a-z]/.test(w))) return null;
  if (/^[A-Z][a-z]+ing$/.test(words[0]) || /,/.test(name)) return null;
  // Several plain words read as a phrase unless they end in a technique head: "Landmark Attention", not "Full Attention Strikes Back".
  if (words.length > 1 && !words.some((w) => isStrongName(w)) && !NAME_HEAD.test(words[words.length - 1])) return null;
  if (words.length > 1 && words.some((w) => GENERIC_TITLE_WORD.test(w))) return null;
  return name;
}

const TITLE_GLUE = /^(?:for|with|in|via|as|on|is|to|and|from|by|:)$|^[A-Z][a-z]+s$/;

/** "Softplus Attention with Re-weighting Boosts ...": 2-4 capitalised words ending in a technique head, then a preposition or verb. */
function leadingName(title: string): string | null {
  // "A Global Context Mechanism for ...": the article is no part of the name.
  const words = title.trim().replace(/^(?:A|An|The)\s+/, '').split(/\s+/);
  let end = 0;
  while (end < words.length && end < 4 && /^[A-Z]/.test(words[end]) && !FUNCTION_WORDS.has(words[end].toLowerCase())) end++;
  // The head ends the name; a capitalised verb after it ("Boosts") is not part of it.
  while (end > 1 && !LEAD_HEAD.test(words[end - 1])) end--;
  if (end < 2 || end >= words.length || !TITLE_GLUE.test(words[end])) return null;
  const name = words.slice(0, end);
  if (/^[A-Z][a-z]+ing$/.test(name[0]) || name.some((w) => GENERIC_TITLE_WORD.test(w) || MODIFIER_WORD.test(w))) return null;
  if (name.every((w) => GENERIC_PHRASE_WORDS.has(w) || GENERIC_LEAD.test(w))) return null;
  return name.join(' ');
}

// Only architecture heads: "Sentence Embeddings for ..." or "Question-Answering Model for ..." describe a task.
const LEAD_HEAD = /^(?:Attention|Transformers?|Networks?|Nets?|Former|Mechanism|Mixer|Router)$/;
// Adverbs and hyphenated modifiers (Massively, Event-driven, Bi-directional) describe rather than name.
const MODIFIER_WORD = /ly$|^[A-Za-z]+-[a-z]+$/;
const GENERIC_LEAD = /^(?:Efficient|Effective|Scalable|Simple|Fast|Faster|Improved|Better|Robust|Adaptive|Dynamic|Hierarchical|Local|Global|Full|Native|Hybrid|Learned|Learnable|Contextual|Multi-Query|Grouped-Query|Cross|Cross-Attention|Self-Attention|Sparse|Linear)$/;

// "We formalize these with two metrics: 1) ..., 2) ...": a counted list of the paper's own components.
const LIST_INTRO = /\b(?:two|three|four|five) (?:new |novel |key |main )?[a-z-]+s:/;
const ENUMERATOR = /^(?:[ivx]{1,4}|[1-9]|[a-e])$/;

/** Tokens right after an enumerator "(i)", ": 2)", "; b)": the start of a listed component. */
function afterEnumerator(tokens: Token[], at: number): boolean {
  if (at < 2 || tokens[at - 1].text !== ')' || !ENUMERATOR.test(tokens[at - 2].text)) return false;
  // No negative index: V8 looks those up as named properties, slowly.
  const before = at > 2 ? tokens[at - 3] : undefined;
  return !before || before.punct || before.text === 'and';
}

/** Components listed as "(i) X, ... (ii) Y" or "2) X: ..." in a sentence that introduces them. */
export function enumeratedNames(sentence: Sentence, mentions: Mention[], hasCue: boolean): Mention[] {
  const { tokens } = sentence;
  const out: Mention[] = [];
  for (const m of mentions) {
    if (!afterEnumerator(tokens, m.start)) continue;
    // Asked only of a listed mention: most sentences list none.
    hasCue ||= LIST_INTRO.test(sentence.text);
    if (hasCue || tokens[m.end]?.text === ':') out.push(m);
  }
  return out;
}

/** Is token i inside one of the mentions? */
function claimed(mentions: Mention[], i: number): boolean {
  for (const m of mentions) if (i >= m.start && i < m.end) return true;
  return false;
}

/** "1) Query-Aware Sparse Pattern Determination: ..." or "1) Globality-pooling attention that ...": an unlisted component name. */
export function enumeratedPhrases(sentence: Sentence, sent: number, mentions: Mention[], hasCue: boolean): Mention[] {
  const { tokens, text } = sentence;
  const out: Mention[] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i - 1].text !== ')' || claimed(mentions, i) || !isCapitalized(tokens[i].text) || !afterEnumerator(tokens, i)) continue;
    let j = i;
    while (j < tokens.length && j - i < 6 && !tokens[j].punct && !claimed(mentions, j) && !STOPS.has(tokens[j].text)) j++;
    let next = tokens[j]?.text;
    const comma = next === ',';
    if (comma) next = tokens[j + 1]?.text;
    // "(1) Pattern-based Anchor Computation, leveraging ...": after a cue, a participle may follow the listed name.
    const described = next === 'that' || next === 'which' || (comma && !!next && /^[a-z]+ing$/.test(next));
    if (j - i < 2 || !(next === ':' || (described && (hasCue ||= LIST_INTRO.test(text))))) continue;
    const name = text.slice(tokens[i].start, tokens[j - 1].end);
    if (FUNCTION_WORDS.has(tokens[j - 1].text)) continue;
    out.push({ sent, start: i, end: j, charStart: tokens[i].start, name, alias: null, type: typeFromHead(name), source: 'phrase', typeKnown: false, family: null, parameters: null, lex: null });
  }
  return out;
}
