// Spotting entity mentions in one sentence: acronym definitions, lexicon entries, model-name shapes,
// name-like tokens and capitalised technique phrases, in that order of precedence (a token joins one mention).
import type { GoldType } from '../types.ts';
import { findAcronymDefs, type AcronymDef } from './acronyms.ts';
import { isSize, type Lexicon, type LexEntry } from './lexicon.ts';
import { isCapitalized, isLowerCode, isSpace, isStrongName, isUpperCode, sortByStart, type Sentence, type Token } from './text.ts';

export interface Mention {
  sent: number;
  start: number;
  end: number;
  /** Character offset in the sentence, for "before/after the cue" tests. */
  charStart: number;
  name: string;
  /** Other form defined on the spot: the acronym of a long form or vice versa. */
  alias: string | null;
  type: GoldType;
  source: 'acronym' | 'lexicon' | 'model' | 'name' | 'phrase';
  /** Set when the type comes from a lexicon or a model shape, not a guess from context. */
  typeKnown: boolean;
  family: string | null;
  parameters: string | null;
  lex: LexEntry | null;
}

/** A word set behind a table of the words' shapes (first character, length): most tokens fail the table without hashing. */
class WordSet {
  private readonly shapes = new Uint8Array(128 * 16);
  readonly words: Set<string>;

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const w of this.words) this.shapes[shapeOf(w.charCodeAt(0), w.length)] = 1;
  }

  has(w: string): boolean {
    return this.shapes[shapeOf(w.charCodeAt(0), w.length)] === 1 && this.words.has(w);
  }
}

const shapeOf = (c0: number, length: number) => ((c0 & 127) << 4) | (length & 15);

const DATASET_HEADS = new WordSet(['dataset', 'datasets', 'benchmark', 'benchmarks', 'corpus', 'corpora', 'suite', 'challenge', 'challenges', 'track', 'tracks', 'collection', 'collections', 'leaderboard', 'testbed', 'task', 'testset', 'testsets']);
const CAP_DATASET_HEADS = new WordSet(['Benchmark', 'Dataset', 'Corpus', 'Challenge', 'Track', 'Suite', 'Arena', 'Leaderboard', 'Collection', 'Bench', 'Treebank']);
const METRIC_HEADS = new WordSet(['Score', 'Metric', 'Gain', 'Error', 'Divergence', 'Distance', 'Rate', 'Coefficient']);
const TECH_HEADS = new WordSet(['Attention', 'Encoding', 'Embedding', 'Embeddings', 'Network', 'Networks', 'Layer', 'Mechanism', 'Module', 'Search', 'Hashing', 'Decoding', 'Sampling', 'Pooling', 'Normalization', 'Transformer', 'Memory', 'Estimation', 'Quantization', 'Distillation', 'Tuning', 'Selection', 'Scoring', 'Algorithm', 'Framework', 'Routing', 'Retrieval', 'Ranking', 'Prediction', 'Bandit', 'Bandits', 'Encoder', 'Decoder', 'Optimization', 'Regularization', 'Masking', 'Caching', 'Cache', 'Compression', 'Pruning', 'Propagation', 'Fusion', 'Guidance', 'Strategy', 'Technique', 'Method', 'Model', 'Architecture', 'Machine', 'Descent', 'Policy', 'Graph', 'Tree', 'Sketching', 'Factorization', 'Interpolation', 'Extrapolation', 'Alignment', 'Augmentation', 'Learning', 'Training', 'Modeling', 'Modelling', 'Rollout', 'Gating', 'Mixer', 'Kernel', 'Kernels', ...METRIC_HEADS.words]);
export const GENERIC_PHRASE_WORDS = new Set(['Large', 'Language', 'Models', 'Model', 'Vision', 'Natural', 'Processing', 'Information', 'Retrieval', 'Deep', 'Learning', 'Neural', 'Network', 'Networks', 'Machine', 'Artificial', 'Intelligence', 'Transformer', 'Transformers', 'Attention', 'Computer', 'Generative', 'Pre-trained', 'Pretrained', 'Reinforcement', 'Graph', 'Convolutional', 'Recurrent', 'Self-Attention', 'Multimodal', 'Foundation', 'Text', 'Image', 'Speech', 'Search', 'Question', 'Answering', 'Recommendation', 'Systems', 'System', 'The', 'A', 'An', 'In', 'Our', 'We', 'This', 'Key', 'Value', 'Query', 'Memory', 'Training', 'Inference', 'Long', 'Short-Term', 'Context', 'Ranking', 'Knowledge', 'Algorithm', 'Method', 'Framework', 'Architecture', 'Of', 'Multi-Head', 'Sparse', 'Linear', 'Dense', 'Efficient', 'Semantic', 'Encoder', 'Decoder', 'Embedding', 'Embeddings']);
const STOP_OPENERS = new WordSet(['The', 'A', 'An', 'Our', 'We', 'This', 'These', 'In', 'On', 'For', 'With', 'By', 'Using', 'Unlike', 'Compared', 'Like', 'Both', 'Each', 'Its', 'Their', 'Moreover', 'However', 'Finally', 'Specifically', 'Furthermore', 'Additionally', 'Notably', 'Thus', 'Hence', 'Then', 'First', 'Second', 'Third', 'Existing', 'Recent', 'Traditional', 'Standard', 'Classic', 'Conventional', 'Vanilla', 'Novel', 'New', 'Original']);
const CONNECTORS = new WordSet(['of', 'for', 'with', 'and', 'in', 'on', 'to']);

// Tasks and problem settings are not entities: Click-Through Rate (CTR) prediction, Multi-Label Text Classification (MLTC).
const TASK_HEAD = /^(?:Classification|Recognition|Comprehension|Answering|Analysis|Detection|Segmentation|Tagging|Parsing|Summarization|Translation|Understanding|Image|Essay Scoring|Extraction|Labeling|Labelling)$/i;

const LOWER_METRIC_HEADS = new Set(['score', 'metric', 'divergence', 'distance']);
/** Shapes of the heads typeFromHead looks up, lower-cased: most names end in none of them. */
const HEAD_SHAPES = new Uint8Array(128 * 16);
for (const w of [...CAP_DATASET_HEADS.words, ...DATASET_HEADS.words, ...METRIC_HEADS.words, ...LOWER_METRIC_HEADS]) {
  HEAD_SHAPES[shapeOf(w.toLowerCase().charCodeAt(0), w.length)] = 1;
}

/** The type a name's last word gives it ("Shared Task" ends in a dataset head too). */
export function typeFromHead(name: string): GoldType {
  let k = name.length - 1;
  while (k >= 0 && name.charCodeAt(k) !== 45 && !isSpace(name.charCodeAt(k))) k--;
  const last = k < 0 ? name : name.slice(k + 1);
  const c0 = last.charCodeAt(0);
  // Beyond ASCII, lower-casing may change the first character: no table test then.
  const listed = c0 >= 128 || HEAD_SHAPES[shapeOf(c0 | 32, last.length)] === 1;
  const lower = listed ? last.toLowerCase() : '';
  if ((listed && (CAP_DATASET_HEADS.has(last) || DATASET_HEADS.has(lower))) || last.endsWith('Bench') || last.endsWith('QA')) return 'dataset';
  if ((listed && (METRIC_HEADS.has(last) || LOWER_METRIC_HEADS.has(lower))) || name.includes('@')) return 'metric';
  return 'method';
}

export class MentionSpotter {
  /** Tokens already in a mention, by index; one buffer for every sentence, as allocating one per sentence cost more. */
  private claimedBuffer = new Uint8Array(64);

  constructor(private readonly lex: Lexicon) {}

  /** `rejected` carries, across one paper's sentences, the short forms defined as something that is not an entity. */
  spot(sentence: Sentence, sent: number, rejected: Set<string> = new Set()): Mention[] {
    const { text, tokens } = sentence;
    const claimed = this.claimedFor(tokens.length);
    const out: Mention[] = [];
    for (const def of findAcronymDefs(sentence)) {
      if (claimed[def.start] || claimed[def.end - 1]) continue;
      const m = this.fromAcronym(def, tokens, sent);
      if (m) claim(claimed, out, m);
      else {
        for (let k = def.shortStart; k < def.shortEnd; k++) claimed[k] = 1;
        if (this.isTask(def)) rejected.add(def.short);
      }
    }
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      // Name-like tokens need a capital; a token neither capitalised nor starting a listed name is skipped at once.
      if (claimed[i] || t.punct || (!t.upper && !this.lex.couldStartLower(t)) || (rejected.size && rejected.has(t.text))) continue;
      let m = this.known(text, tokens, i, sent) ?? (t.upper ? this.nameLike(text, tokens, i, sent) : null);
      // Title Case makes every title word look like a name part.
      if (m?.source === 'lexicon' && !sentence.isTitle) m = this.modifiedEntry(text, tokens, claimed, m);
      if (m && !anyClaimed(claimed, m.start, m.end)) {
        claim(claimed, out, m);
        i = m.end - 1;
      }
    }
    if (!sentence.isTitle) this.phrases(text, tokens, claimed, sent, out);
    sortByStart(out);
    typeFromNeighbours(tokens, out);
    return out;
  }

  private claimedFor(n: number): Uint8Array {
    if (this.claimedBuffer.length < n) this.claimedBuffer = new Uint8Array(n * 2);
    const claimed = this.claimedBuffer;
    for (let k = 0; k < n; k++) claimed[k] = 0;
    return claimed;
  }

  private isTask({ long, short }: AcronymDef): boolean {
    return TASK_HEAD.test(long.slice(lastIndexOfCode(long, 32) + 1)) && !this.lex.lookup(long) && !this.lex.lookup(short);
  }

  private base(sent: number, tokens: Token[], start: number, end: number, name: string): Mention {
    return { sent, start, end, charStart: tokens[start].start, name, alias: null, type: 'method', source: 'name', typeKnown: false, family: null, parameters: null, lex: null };
  }

  private fromAcronym(def: AcronymDef, tokens: Token[], sent: number): Mention | null {
    const { long, short } = def;
    const lex = this.lex;
    if (lex.isGeneric(short) || lex.isGeneric(long) || endsInCapitalS(short)) return null;
    // The long form runs from a token's start to a token's end: no space around it.
    let k = long.length - 1;
    while (k >= 0 && !isSpace(long.charCodeAt(k))) k--;
    const lastWord = long.slice(k + 1);
    if (!/[A-Z]/.test(long) && /[^s]s$/.test(lastWord) && !/(ss|us|is)$/.test(lastWord)) return null;
    if (this.isTask(def)) return null;
    if (/^[a-z]/.test(long) && k < 0 && !/-/.test(long)) return null;
    const m = this.base(sent, tokens, def.start, def.end, long);
    m.alias = short;
    m.source = 'acronym';
    // "Sparsely-Sharded (S2) Attention": the head after the brackets belongs to both forms.
    const head = tokens[def.end];
    if (def.shortStart > def.longStart && head && TECH_HEADS.has(head.text) && !this.lex.lookup(long)) {
      m.end = def.end + 1;
      m.name = `${long} ${head.text}`;
      m.alias = `${short}-${head.text}`;
    }
    const entry = lex.lookup(long) ?? lex.lookup(short);
    const model = lex.modelAt(tokens, def.shortStart, def.shortEnd) ?? lex.modelAt(tokens, def.longStart, def.longEnd);
    if (entry && sameThing(entry, long)) {
      m.type = entry.type;
      m.typeKnown = true;
      m.lex = entry;
      m.family = entry.family;
    } else if (model) {
      m.type = 'model';
      m.typeKnown = true;
      m.family = model.family;
    } else {
      m.type = typeFromHead(long);
      const next = tokens[def.end];
      if (next && DATASET_HEADS.has(next.text)) m.type = 'dataset';
    }
    return m;
  }

  /** Lexicon entries and model-name shapes, extended by a size ("LLaMA 7B") or a dataset head ("SmolLM corpus"). */
  private known(text: string, tokens: Token[], i: number, sent: number): Mention | null {
    const lex = this.lex;
    const model = lex.modelAt(tokens, i);
    const entry = lex.matchAt(text, tokens, i);
    if (!model && !entry) return null;
    const entryEnd = lex.matchEnd;
    const useModel = model && (!entry || model.end >= entryEnd);
    const end = useModel ? model.end : entryEnd;
    const m = this.base(sent, tokens, i, end, spanText(text, tokens, i, end));
    m.typeKnown = true;
    if (useModel) {
      m.source = 'model';
      m.type = 'model';
      m.family = model.family;
      m.parameters = model.parameters;
      if (entry && entryEnd === model.end && entry.type !== 'model') {
        m.type = entry.type;
        m.lex = entry;
      }
    } else {
      m.source = 'lexicon';
      m.lex = entry;
      m.type = entry!.type;
      m.family = entry!.family;
    }
    if (!m.lex && lex.isGeneric(m.name)) return null;
    const next = tokens[end];
    if (next && DATASET_HEADS.has(next.text) && m.type !== 'metric') {
      m.type = 'dataset';
      m.alias = `${m.name} ${next.text}`;
    }
    return m.type === 'dataset' || m.type === 'model' ? withEdition(text, tokens, m) : m;
  }

  /** "Windowed Rotary Position Embedding": a capitalised word before a listed technique makes a new name of it. */
  private modifiedEntry(text: string, tokens: Token[], claimed: Uint8Array, m: Mention): Mention {
    const k = m.start - 1;
    // The token before is read once k >= 1: no negative index, which V8 looks up as a named property, slowly.
    if (k < 1 || claimed[k] || m.type !== 'method' || m.end - m.start < 2) return m;
    const prev = tokens[k];
    if (!isCapitalized(prev.text) || STOP_OPENERS.has(prev.text)) return m;
    if (GENERIC_PHRASE_WORDS.has(prev.text) || this.lex.isGeneric(prev.text) || isStrongName(prev.text) || isModifierCompound(prev.text)) return m;
    const out = this.base(m.sent, tokens, k, m.end, text.slice(prev.start, tokens[m.end - 1].end));
    out.source = 'phrase';
    return out;
  }

  private nameLike(text: string, tokens: Token[], i: number, sent: number): Mention | null {
    const t = tokens[i].text;
    // A possessive's apostrophe ends a part as the end of the word does: the test holds for the bare name alike.
    if (!isStrongName(t)) return null;
    let raw = isPossessive(t) ? t.slice(0, -2) : t;
    // "MFCCs" is MFCC; the plural stays a form of it.
    const plural = endsInCapitalS(raw) ? raw : null;
    if (plural) raw = raw.slice(0, -1);
    if (this.lex.isGeneric(raw) || ROMAN.test(raw) || raw.length < 2) return null;
    if (isModifierCompound(raw) || NOT_A_NAME.test(raw) || (isLowerCode(raw.charCodeAt(0)) && this.lex.isGeneric(raw.slice(1)))) return null;
    let end = i + 1;
    const next = tokens[end];
    const m = this.base(sent, tokens, i, end, raw);
    m.type = typeFromHead(raw);
    // A variant of a listed entry keeps its type: ImageNet-64, SemEval-2018.
    const dash = lastIndexOfCode(raw, 45);
    const head = dash > 0 ? this.lex.lookup(raw.slice(0, dash)) : undefined;
    if (head) {
      m.type = head.type;
      m.typeKnown = true;
    }
    if (next && isSize(next.text)) {
      end++;
      m.end = end;
      m.name = `${raw} ${next.text}`;
      m.type = 'model';
      m.parameters = next.text;
    } else if (endsInSize(raw)) {
      m.type = 'model';
      m.parameters = /(\d+(?:\.\d+)?[BM])$/.exec(raw)![1];
    } else if (next && DATASET_HEADS.has(next.text)) {
      m.type = 'dataset';
      m.alias = `${raw} ${next.text}`;
    } else if (next && (next.text === 'score' || next.text === 'metric')) {
      m.type = 'metric';
    }
    if (m.alias === null && next?.text === 'attention') m.alias = `${raw} attention`;
    m.alias ??= plural;
    return withEdition(text, tokens, m);
  }

  /** Capitalised multi-word names ending in a technique, dataset or metric head: "Relative Positional Encoding". */
  private phrases(text: string, tokens: Token[], claimed: Uint8Array, sent: number, out: Mention[]): void {
    for (let i = 0; i < tokens.length; i++) {
      if (claimed[i] || !tokens[i].upper || !isNameWord(tokens[i].text)) continue;
      let j = i + 1;
      let lastName = i;
      while (j < tokens.length && !claimed[j]) {
        const t = tokens[j].text;
        // Gerund heads end a name (Multi-Layers Trainable Pooling) though they do not start one.
        // Name words and technique heads have a capital; a year has none.
        if (tokens[j].upper ? isNameWord(t) || TECH_HEADS.has(t) : isYear(t)) lastName = j;
        else if (!(CONNECTORS.has(t) && j + 1 < tokens.length && tokens[j + 1].upper && isNameWord(tokens[j + 1].text))) break;
        j++;
      }
      // Sentence-opening function words are not part of the name: "Our Relative Positional Encoding ...".
      while (i < lastName && STOP_OPENERS.has(tokens[i].text)) i++;
      let end = lastName + 1;
      if (end < tokens.length && !claimed[end] && DATASET_HEADS.has(tokens[end].text) && end - i >= 1) end++;
      // A single word is no phrase; nor is a run without a technique or dataset head.
      const head = tokens[end - 1].text;
      const isData = DATASET_HEADS.has(head) || CAP_DATASET_HEADS.has(head);
      if (end - i < 2 || !(TECH_HEADS.has(head) || isData)) {
        i = j;
        continue;
      }
      const words = tokens.slice(i, end).map((t) => t.text);
      if (DATASET_HEADS.has(head) && words.slice(0, -1).every((w) => this.lex.isGeneric(w) || GENERIC_PHRASE_WORDS.has(w))) {
        i = j;
        continue;
      }
      const generic = words.every((w) => GENERIC_PHRASE_WORDS.has(w) || DATASET_HEADS.has(w)) || this.lex.isGeneric(words.join(' '));
      if (!generic) {
        const m = this.base(sent, tokens, i, end, spanText(text, tokens, i, end));
        m.source = 'phrase';
        m.type = isData ? 'dataset' : typeFromHead(m.name);
        if (DATASET_HEADS.has(head)) {
          m.alias = m.name;
          m.name = spanText(text, tokens, i, end - 1);
        }
        claim(claimed, out, m);
      }
      i = j;
    }
  }
}

const firstWord = (s: string) => s.slice(0, 4).toLowerCase();

/**
 * A listed acronym defined with another long form is another thing (GAT defined as Gaussian Adaptive Transformer is not
 * Graph Attention Network); a spelling variant starts alike (rotary positional encoding is Rotary Position Embedding).
 */
function sameThing(entry: LexEntry, long: string): boolean {
  const longForms = [entry.name, ...entry.aliases].filter((a) => a.includes(' '));
  return !longForms.length || longForms.some((a) => firstWord(a) === firstWord(long));
}

/** The text of tokens [from, to): a single token's own string, as most names are, instead of a copy. */
function spanText(text: string, tokens: Token[], from: number, to: number): string {
  return to === from + 1 ? tokens[from].text : text.slice(tokens[from].start, tokens[to - 1].end);
}

function claim(claimed: Uint8Array, out: Mention[], m: Mention): void {
  for (let k = m.start; k < m.end; k++) claimed[k] = 1;
  out.push(m);
}

function anyClaimed(claimed: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (claimed[k]) return true;
  return false;
}

/** Only commas, "and" and "or" between tokens `from` and `to`: a list goes on. */
export function allGlue(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!LIST_GLUE.has(tokens[k].text)) return false;
  return true;
}

/** Four digits: a year in a name ("OpenSubtitles 2018"). */
function isYear(t: string): boolean {
  if (t.length !== 4) return false;
  for (let k = 0; k < 4; k++) {
    const c = t.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isNameWord(t: string): boolean {
  return (isCapitalized(t) && !(t.endsWith('ing') && GERUND.test(t))) || isStrongName(t);
}

const GERUND = /^[A-Z][a-z]+ing$/;
const ROMAN = /^[IVX]+$/;

const EDITION = /^(?:(?:19|20)\d\d|v?\d+\.\d+)$/;

/** Could `t` be an edition: it starts with a digit or v, tested before the regex. */
function isEdition(t: string): boolean {
  const c = t.charCodeAt(0);
  return ((c >= 48 && c <= 57) || c === 118) && EDITION.test(t);
}

/**
 * A year or version after a dataset or model name is part of it: "OpenSubtitles 2018", "UIT-ViQuAD 2.0",
 * "BabyLM 2025 shared task"; the bare name stays an alias.
 */
function withEdition(text: string, tokens: Token[], m: Mention): Mention {
  const next = tokens[m.end];
  if (!next || !isEdition(next.text) || m.alias) return m;
  const bare = m.name;
  m.end++;
  let head = tokens[m.end];
  if (head?.text === 'shared' && tokens[m.end + 1]?.text === 'task') m.end += 2;
  else if (head && DATASET_HEADS.has(head.text)) m.end++;
  head = tokens[m.end - 1];
  m.name = text.slice(tokens[m.start].start, head.end);
  m.alias = m.end - m.start > 2 ? text.slice(tokens[m.start].start, next.end) : bare;
  if (m.end - m.start > 2 || m.type !== 'model') m.type = m.type === 'model' ? 'model' : 'dataset';
  return m;
}

// Hardware (RTX4090, A100-80GB), LaTeX residue (V^topsoftmax, FinnishrightarrowEnglish) and conversions (MHA-to-GQA).
const NOT_A_NAME = /^(?:RTX|GTX|GeForce|[AHVLT]\d{2,3}\b)|rightarrow|leftarrow|\^top|mathrm|textbf|-to-|-of-/;
const MODIFIER_SUFFIX = /-(?:[a-z]{3,}|[A-Z][a-z]+ed)$/;
const MODIFIER_PREFIX = /^[a-z]{3,}-[A-Z]/;

/** LLM-based, VIB-trained, non-BERT, full-KV: adjectives built on a name, not names. */
function isModifierCompound(t: string): boolean {
  return t.includes('-') && (MODIFIER_SUFFIX.test(t) || MODIFIER_PREFIX.test(t));
}

/** V8 runs String.lastIndexOf in its runtime, far slower than this loop over one character code. */
function lastIndexOfCode(s: string, c: number): number {
  let k = s.length - 1;
  while (k >= 0 && s.charCodeAt(k) !== c) k--;
  return k;
}

/** Ends in 's or ’s. */
function isPossessive(t: string): boolean {
  const n = t.length;
  if (n < 2 || t.charCodeAt(n - 1) !== 115) return false;
  const c = t.charCodeAt(n - 2);
  return c === 39 || c === 0x2019;
}

/** A capital, then s: "MFCCs". */
function endsInCapitalS(t: string): boolean {
  const n = t.length;
  return n >= 2 && t.charCodeAt(n - 1) === 115 && isUpperCode(t.charCodeAt(n - 2));
}

const SIZE_SUFFIX = /-\d+(?:\.\d+)?[BM]$/;

/** "Llama-2-7B": a size glued on with a dash; the last character is tested before the regex. */
function endsInSize(t: string): boolean {
  const c = t.charCodeAt(t.length - 1);
  return (c === 66 || c === 77) && SIZE_SUFFIX.test(t);
}

const LIST_GLUE = new WordSet([',', 'and', 'or']);
const NOT_DATA_BEFORE_ON = new Set(['based', 'built', 'builds', 'building', 'relies', 'rely', 'relying', 'depends', 'depend', 'focus', 'focuses', 'focusing', 'draws', 'drawing', 'operates', 'operating', 'improves', 'improving', 'works', 'building', 'conditioned', 'act', 'acts']);

/**
 * Unlisted names take the type of the list they stand in ("on BEIR, Foo and Bar") or of an evaluation
 * "on X" when nothing says otherwise.
 */
function typeFromNeighbours(tokens: Token[], mentions: Mention[]): void {
  for (const m of mentions) {
    if (m.typeKnown || m.source !== 'name' || m.type !== 'method') continue;
    // No negative indexes: V8 looks those up as named properties, slowly.
    const prev = m.start > 0 ? tokens[m.start - 1].text : undefined;
    if ((prev === 'on' || prev === 'across') && !NOT_DATA_BEFORE_ON.has(m.start > 1 ? tokens[m.start - 2].text : '')) m.type = 'dataset';
  }
  // Groups: runs of mentions glued by list words.
  for (let g = 0; g < mentions.length; ) {
    let end = g + 1;
    while (end < mentions.length && mentions[end].start > mentions[end - 1].end && allGlue(tokens, mentions[end - 1].end, mentions[end].start)) end++;
    const type = end - g >= 2 ? groupType(mentions, g, end) : null;
    if (type) for (let k = g; k < end; k++) if (!mentions[k].typeKnown && mentions[k].source === 'name') mentions[k].type = type;
    g = end;
  }
}

/** The type at least half of a group's known types share (dataset, then model, then metric), if any. */
function groupType(mentions: Mention[], from: number, to: number): GoldType | null {
  let known = 0;
  let datasets = 0;
  let models = 0;
  let metrics = 0;
  for (let k = from; k < to; k++) {
    const m = mentions[k];
    if (!m.typeKnown && m.type !== 'dataset') continue;
    known++;
    if (m.type === 'dataset') datasets++;
    else if (m.type === 'model') models++;
    else if (m.type === 'metric') metrics++;
  }
  if (datasets && datasets * 2 >= known) return 'dataset';
  if (models && models * 2 >= known) return 'model';
  if (metrics && metrics * 2 >= known) return 'metric';
  return null;
}
