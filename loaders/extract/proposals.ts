// Which mentions a paper introduces: "we propose/introduce/present X", "termed X", "X, a novel ...", "the proposed X",
// and the name before the colon of the title.
import type { Mention } from './mentions.ts';
import { isCapitalized, isStrongName, type Sentence, type Token } from './text.ts';

const PROPOSE_CUE =
  /\b(?:we|this (?:paper|work|study|article|report|letter|thesis)|our (?:paper|work|study)|the (?:paper|authors?))\s+(?:(?:also|further|first|then|here|hence|therefore|thus|now|newly|additionally|subsequently|finally|formally|successfully|empirically|carefully)\s+)?(?:propose[sd]?|introduce[sd]?|present(?:s|ed)?|develop(?:s|ed)?|design(?:s|ed)?|devise[sd]?|build|built|construct(?:s|ed)?|create[sd]?|release[sd]?|curate[sd]?|contribute[sd]?|offer(?:s|ed)?|establish(?:es|ed)?|formulate[sd]?|put forward|unveil(?:s|ed)?|collect(?:s|ed)?|name|call|term|dub)\b/gi;
const NAMING_CUE = /\b(?:termed|dubbed|called|named|coined|referred to|abbreviated|denoted|we call it|we name it|we term it|we dub it)(?:\s+as)?\b/gi;
// "... and propose X", "to introduce X" in a sentence whose subject is the authors.
const CHAINED_CUE = /\b(?:and|also|then|further)\s+(?:propose|introduce|present|develop|design|devise)\b/gi;
const AUTHOR_SUBJECT = /\b(?:we|our)\b/i;
const PROPOSED_ADJ = /\b(?:(?:the|our) (?:proposed|resulting|new)|our)\s+$/i;
const OUR_NOUN = /\b[Oo]ur (?:method|model|approach|framework|system|algorithm|technique|architecture|benchmark|dataset|metric|solution|module|mechanism|pipeline|design|tool)s?,?\s+(?:the\s+|called\s+|named\s+)?$/;
// A proposal span ends at the first relative clause, preposition or verb-like word after the new name.
const STOPS = new Set(['that', 'which', 'who', 'where', 'when', 'while', 'whereby', 'to', 'for', 'on', 'in', 'into', 'using', 'with', 'by', 'via', 'than', 'over', 'from', 'based', 'through', 'across', 'against', 'under', 'upon', 'within', 'without', 'between', 'among', 'as', 'at', 'like', 'such', 'including', 'leveraging', 'inspired', 'extension', 'variant', 'version', 'built', 'is', 'are', 'was', 'can', 'could', 'will', 'to', 'achieves', 'achieving', 'outperforms', 'outperforming', 'enables', 'enabling', 'allows', 'allowing', 'consisting', 'comprising', 'designed', 'tailored', 'capable', 'able', 'along', 'together', 'after', 'before', 'during', 'specifically', 'especially', 'particularly', 'e.g', 'i.e']);
const APPOSITION = /^\s*(?:\(|,)?\s*(?:is\s+)?(?:an?|the first|the)\s+(?:\S+\s+){0,3}?(?:novel|new|simple|first|efficient|effective|general|unified|lightweight|scalable|principled|plug-and-play|training-free|framework|method|approach|benchmark|dataset|model|architecture|technique|algorithm|metric|mechanism|system|suite|library|tool)\b/i;

/** Token index ranges [from, to) whose mentions are proposed. */
export function proposalSpans(sentence: Sentence): Array<[number, number]> {
  const { text, tokens } = sentence;
  const spans: Array<[number, number]> = [];
  const cues = AUTHOR_SUBJECT.test(text) ? [PROPOSE_CUE, NAMING_CUE, CHAINED_CUE] : [PROPOSE_CUE, NAMING_CUE];
  for (const re of cues) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const from = tokens.findIndex((t) => t.start >= m!.index + m![0].length);
      if (from < 0) continue;
      spans.push([from, spanEnd(tokens, from)]);
    }
  }
  return spans;
}

function spanEnd(tokens: Token[], from: number): number {
  let depth = 0;
  let sawName = false;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i].text;
    if (t === '(') depth++;
    else if (t === ')') depth--;
    if (depth > 0) continue;
    if (t === ';' || (t === ':' && sawName)) return i;
    if (isCapitalized(t) || isStrongName(t)) sawName = true;
    const verbish = /^[a-z]+(?:ing|es)$/.test(t) && !/(?:thing|ring|ding)$/.test(t);
    if (STOPS.has(t) || (sawName && verbish)) return i;
  }
  return tokens.length;
}

/** Mentions introduced in this sentence by apposition or a possessive: "X, a novel ...", "our method, X", "the proposed X". */
export function isAppositive(sentence: Sentence, m: Mention, endChar: number): boolean {
  const before = sentence.text.slice(0, m.charStart);
  const after = sentence.text.slice(endChar, endChar + 90);
  if (PROPOSED_ADJ.test(before) || OUR_NOUN.test(before)) return true;
  const opensClause = /^\s*$|(?:^|[,:]\s*)(?:here|in this (?:paper|work)|to this end|finally|specifically),?\s*$/i.test(before) || /^\s*(?:we present|we introduce)\s*$/i.test(before);
  return opensClause && APPOSITION.test(after);
}

const FUNCTION_WORDS = new Set(['and', 'or', 'the', 'a', 'an', 'of', 'for', 'to', 'in', 'on', 'with', 'is', 'are', 'all', 'you', 'need', 'towards', 'toward', 'via', 'from', 'at', 'by', 'do', 'does', 'can', 'what', 'how', 'when', 'why', 'not']);

const NAME_HEAD = /^(?:Attention|Transformers?|Former|Retrieval|Retriever|Ranker|Ranking|Encoding|Embeddings?|Network|Memory|Cache|Decoding|Search|Score|Benchmark|Bench|Dataset|Corpus|Net|Model|LM|Mixer|Router|Sampling|Pooling|Heads?|Kernel|Tuning|Prompting|Distillation|Quantization|Compression|Pruning|Selection|Index|Indexing|Sparsity)$/;
const GENERIC_TITLE_WORD = /^(?:LLMs?|Beyond|Towards?|Rethinking|Revisiting|Understanding|Why|How|When|What|Is|Are|Do|Does|Can|Less|More|Not|No|Meets|Matters)$/;

/** The title's pre-colon name when it reads as a name (PosIR, Landmark Attention, SALE), not a phrase. */
export function titleName(title: string | null): string | null {
  if (!title) return null;
  const m = /^\s*([^:]{2,60}?)\s*:\s+\S/.exec(title);
  if (!m) return null;
  const name = m[1].trim();
  const words = name.split(/\s+/);
  if (words.length > 5) return null;
  if (words.some((w) => FUNCTION_WORDS.has(w.toLowerCase()) || /^[a-z]/.test(w))) return null;
  if (/^[A-Z][a-z]+ing$/.test(words[0]) || /,/.test(name)) return null;
  // Several plain words read as a phrase unless they end in a technique head: "Landmark Attention", not "Full Attention Strikes Back".
  if (words.length > 1 && !words.some((w) => isStrongName(w)) && !NAME_HEAD.test(words[words.length - 1])) return null;
  if (words.length > 1 && words.some((w) => GENERIC_TITLE_WORD.test(w))) return null;
  return name;
}

const ENUMERATOR = /^(?:\(?(?:[ivx]{1,4}|[1-9]|[a-e])\))$/;

/** Components listed as "(i) X, ... (ii) Y" or "2) X: ..." in a sentence that introduces them. */
export function enumeratedNames(sentence: Sentence, mentions: Mention[], hasCue: boolean): Mention[] {
  const { tokens } = sentence;
  return mentions.filter((m) => {
    const before = tokens.slice(Math.max(0, m.start - 3), m.start).map((t) => t.text).join('');
    if (!/(?:^|\()(?:[ivx]{1,4}|[1-9]|[a-e])\)$/.test(before)) return false;
    return hasCue || tokens[m.end]?.text === ':';
  });
}
export { ENUMERATOR };
