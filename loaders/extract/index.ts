// Entity and lineage extraction from one paper's title and abstract (ANNOTATION.md): deterministic, pure, no I/O after
// the lexicons are loaded once.
import type { ExtractedEntity, PaperExtraction } from '../types.ts';
import { paperKey } from '../../src/model/graph.ts';
import { isShortForm, longFormFor } from './acronyms.ts';
import { conceptsOf } from './concepts.ts';
import { EntityTable, type PaperEntity } from './entities.ts';
import { lexicon } from './lexicon.ts';
import { allGlue, GENERIC_PHRASE_WORDS, MentionSpotter, typeFromHead, type Mention } from './mentions.ts';
import { isVariantOf, namedInTitle, proposedMentions } from './proposed.ts';
import { titleName } from './proposals.ts';
import { extractLineage } from './relations.ts';
import { isAlnumCode, isCapitalized, isStrongName, norm, sortByStart, splitSentences, toSentence, tokenize, type Sentence, type Token } from './text.ts';

export { toGoldRecord, type GoldRecord } from './gold.ts';
export { taxonomy, type Concept } from './concepts.ts';
export { lexicon } from './lexicon.ts';

let spotter: MentionSpotter | null = null;

export function extractPaper(p: { title: string | null; abstract: string }): PaperExtraction {
  const lex = lexicon();
  spotter ??= new MentionSpotter(lex);
  const sentences: Sentence[] = [];
  if (p.title) sentences.push(toSentence(p.title, true));
  for (const s of splitSentences(p.abstract)) sentences.push(toSentence(s));

  const table = new EntityTable();
  const isProposed = proposedTest(table, sentences);
  const rejected = new Set<string>();
  const titleKey = p.title ? keyAt(sentences[0], 0, p.title) : '';
  sentences.forEach((s, i) => {
    const mentions = cleanMentions(s, spotter!.spot(s, i, rejected), rejected);
    typeDatasetLists(s, mentions);
    const proposed = s.isTitle ? null : proposedMentions(s, i, mentions, titleKey, isProposed);
    for (const m of sortByStart(mentions)) {
      const e = table.add(m, s.text, keyAt(s, m.start, m.name));
      if (proposed?.includes(m)) markProposed(e, s.text);
    }
  });
  const fromTitle = p.title ? titleName(p.title) : null;
  if (p.title) {
    markTitleEntity(table, p.title, titleKey, fromTitle, sentences);
    // Without any proposal cue, an unlisted name the title repeats is what the paper is about.
    if (!table.list.some((e) => e.proposed)) for (const e of table.list) if (namedInTitle(e, titleKey)) markProposed(e, e.evidence ?? p.title);
  }
  // The entities present now, without copying the list: proposeParts appends the parts it adds.
  for (let k = 0, n = table.list.length; k < n; k++) if (table.list[k].proposed) proposeParts(table, table.list[k]);
  mergeGlued(table);
  mergeAcronyms(table);
  mergeShortenedNames(table);
  if (p.title) {
    dropTitleFragments(table, sentences[0]);
    proposeTitleTechnique(table, p.title, p.abstract, table.list.some((e) => e.proposed), !fromTitle && p.title.includes(':'));
  }
  const news = table.list.filter((e) => e.proposed);
  for (const e of table.list) if (isVariantOf(e, news)) markProposed(e, e.evidence ?? '');

  const entities = table.list.filter((e) => e.proposed || !lex.isGeneric(e.name));
  for (const e of entities) if (e.proposed && !e.typeKnown) e.type = typeFromContext(e);
  const lineage = extractLineage(sentences, entities);
  const { concepts, byEntity } = conceptsOf(sentences, entities);
  return {
    // The title's key is the paper key (keyAt keys any text as norm does, and norm is paperKey's rule); without one, the abstract's.
    key: titleKey || paperKey(null, p.abstract),
    title: p.title,
    entities: entities.map((e, at) => toExtracted(e, byEntity[at])),
    ...lineage,
    concepts,
  };
}

/**
 * Is a mention's entity already marked proposed? Made by a function rather than written as `const f = () => …` in
 * extractPaper: tsx transpiles with esbuild's keepNames, which names each such closure as it is created, with
 * Object.defineProperty. Three per paper (this one, relations.ts's emitter and a helper of primaryOf) cost 5% of
 * extraction.
 */
function proposedTest(table: EntityTable, sentences: Sentence[]): (m: Mention) => boolean {
  return (m) => !!(table.findKey(keyAt(sentences[m.sent], m.start, m.name))?.proposed || (m.alias && table.find(m.alias)?.proposed));
}

/**
 * The key of `name`, which starts at token `from` of `s`: its tokens' keys, already computed, when nothing else but
 * ASCII separators (which keys drop) lies between them; else the name is keyed afresh.
 */
function keyAt(s: Sentence, from: number, name: string): string {
  const { tokens, text } = s;
  const first = tokens[from];
  if (!first) return norm(name);
  if (first.text === name) return first.norm;
  const end = first.start + name.length;
  // A slice compares faster than startsWith on a sentence that is itself a slice.
  if (first.end > end || text.slice(first.start, end) !== name) return norm(name);
  let key = first.norm;
  let at = first.end;
  for (let k = from + 1; k < tokens.length && tokens[k].end <= end; k++) {
    for (; at < tokens[k].start; at++) if (!isSeparator(text.charCodeAt(at))) return norm(name);
    key += tokens[k].norm;
    at = tokens[k].end;
  }
  for (; at < end; at++) if (!isSeparator(text.charCodeAt(at))) return norm(name);
  return key;
}

const isSeparator = (c: number) => c < 128 && !isAlnumCode(c);

function markProposed(e: PaperEntity, sentence: string): void {
  if (!e.proposed) e.evidence = sentence;
  e.proposed = true;
}

/** The paper's own name in its title (`fromTitle`, its titleName): the name before the colon, or the whole title or pre-colon part when the abstract names an entity so. */
function markTitleEntity(table: EntityTable, title: string, titleKey: string, fromTitle: string | null, sentences: Sentence[]): void {
  // A title that is, before any colon, exactly a name the abstract uses: "Multi-Token Attention", "Summary of a Haystack: ...".
  // Without a colon the head is the whole title, whose key is known; the title's name is often the head.
  const colon = title.indexOf(':');
  const head = colon < 0 ? title : title.slice(0, colon).trim();
  const headKey = colon < 0 ? titleKey : keyAt(sentences[0], 0, head);
  const named = table.findKey(headKey) ?? (colon < 0 ? undefined : hyphenatedTitleName(table, head, headKey, sentences));
  if (named) markProposed(named, named.evidence ?? title);
  if (!fromTitle) return;
  const fromKey = fromTitle === head ? headKey : norm(fromTitle);
  // "MInference 1.0: ..." names the abstract's MInference; "HiP Attention: ..." its HiP.
  const first = fromTitle.split(/\s+/)[0];
  const unversioned = fromTitle.replace(/\s+v?\d+(?:\.\d+)*$/, '');
  let e = table.findKey(fromKey) ?? (unversioned !== fromTitle ? table.find(unversioned) : undefined) ?? (isStrongName(first) ? table.find(first) : undefined);
  if (e) table.addForm(e, fromTitle, fromKey);
  // A name only the title uses counts when the abstract names nothing new itself.
  else if (table.list.some((x) => x.proposed)) return;
  else e = table.add(titleMention(fromTitle, title), title);
  markProposed(e, e.evidence ?? title);
  const long = titleLongForm(fromTitle, title);
  if (long && !table.find(long)) {
    if (e.name === fromTitle) {
      e.name = long;
      e.aliases.unshift(fromTitle);
    }
    table.addForm(e, long);
  }
}

// "the lost-in-the-middle problem": a hyphenated phrase before such a noun names a phenomenon, not the paper's technique.
const PHENOMENON_AFTER = /^(?:problems?|phenomen(?:on|a)|effects?|issues?|bias(?:es)?|curse|challenges?|settings?|scenarios?|regimes?|hypothes[ie]s)$/;

/** "Found in the Middle: ..." and the abstract's "a calibration mechanism, found-in-the-middle, that ...": the title's name hyphenated in lower case (`key`: the head's). */
function hyphenatedTitleName(table: EntityTable, head: string, key: string, sentences: Sentence[]): PaperEntity | undefined {
  if (key.length < 8 || !/\s/.test(head)) return undefined;
  let hit: { s: Sentence; i: number; n: number } | undefined;
  for (let n = 1; n < sentences.length; n++) {
    const { tokens } = sentences[n];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.norm !== key || !t.text.includes('-') || /[A-Z]/.test(t.text[0])) continue;
      if (PHENOMENON_AFTER.test(tokens[i + 1]?.text ?? '')) return undefined;
      hit ??= { s: sentences[n], i, n };
    }
  }
  if (!hit) return undefined;
  const t = hit.s.tokens[hit.i];
  const m: Mention = { sent: hit.n, start: hit.i, end: hit.i + 1, charStart: t.start, name: t.text, alias: null, type: 'method', source: 'phrase', typeKnown: false, family: null, parameters: null, lex: null };
  return table.add(m, hit.s.text);
}

/** "RCMHA: Relative Convolutional Multi-Head Attention for ...": the words after the colon that spell the name. */
function titleLongForm(short: string, title: string): string | null {
  if (!isShortForm(short)) return null;
  const words = title.slice(title.indexOf(':') + 1).trim().split(/\s+/);
  if (!/^[A-Z0-9]/.test(words[0])) return null;
  let best: string | null = null;
  // The longest run of name words that still spells the acronym, stopping at "for", "with", ...
  let run = words[0];
  for (let k = 2; k <= Math.min(words.length, 10) && /^[A-Z0-9]/.test(words[k - 1]); k++) {
    run = `${run} ${words[k - 1]}`;
    const candidate = run.replace(/[,;]$/, '');
    if (longFormFor(short, candidate) === candidate) best = candidate;
  }
  return best;
}

function titleMention(name: string, title: string): Mention {
  const tokens = tokenize(name);
  return { sent: 0, start: 0, end: tokens.length, charStart: 0, name, alias: null, type: typeFromHead(title), source: 'phrase', typeKnown: false, family: null, parameters: null, lex: null };
}

const HEAD_NOUN = /\b(benchmarks?|datasets?|corpus|corpora|suite|test collection|collection|challenge|metrics?|score|models?|LLMs?|language models?|method|framework|approach|mechanism|architecture|algorithm|technique|system|module|attention)\b/i;

/** A new entity's type from the noun that describes it: "PosIR, a comprehensive benchmark", "BBScore, a novel metric". */
function typeFromContext(e: PaperEntity): PaperEntity['type'] {
  const byHead = typeFromHead(e.name);
  if (byHead !== 'method' || !e.evidence) return e.type === 'method' ? byHead : e.type;
  const at = e.evidence.indexOf(e.aliases[0] ?? e.name);
  const noun = HEAD_NOUN.exec(e.evidence.slice(at < 0 ? 0 : at, (at < 0 ? 0 : at) + 160))?.[1].toLowerCase();
  if (!noun) return e.type;
  if (/^(bench|data|corp|suite|test|coll|chall)/.test(noun)) return 'dataset';
  if (/^(metric|score)/.test(noun)) return 'metric';
  return e.type;
}

function toExtracted(e: PaperEntity, concepts: string[] | undefined): ExtractedEntity {
  const out: ExtractedEntity = { name: e.name, aliases: e.aliases, type: e.type, proposed: e.proposed, evidence: e.evidence };
  if (e.type === 'model') {
    out.family = e.family;
    out.parameters = e.parameters;
  }
  if (concepts) out.concepts = concepts;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Mention clean-up before the proposal rules see a sentence's mentions.

const SUBORDINATOR = new Set(['While', 'Although', 'Though', 'When', 'Whereas', 'If', 'Since', 'Because', 'Unlike', 'Once', 'After', 'Before', 'Given', 'Despite', 'Whether', 'Whenever']);
// "Click-Through Rate (CTR) prediction": an acronym naming the quantity a task predicts, not a technique.
const TASK_AFTER = new Set(['prediction', 'classification', 'detection', 'recognition', 'segmentation', 'tagging', 'extraction', 'forecasting']);
// "the Georgetown Foo group", "our Bar team's submission": participants, not entities.
const TEAM_AFTER = /^(?:d-)?(?:team|group|lab|laboratory)(?:['’]s)?$/;
const NAME_END_JUNK = /\s[A-Z]$/;
const TASK_NAME = /\s(?:Recognition|Classification|Detection|Segmentation|Answering|Summarization|Translation|Parsing|Tagging|Labell?ing)(?:\s+(?:datasets?|benchmarks?|tasks?|corpus))?$/;

function cleanMentions(s: Sentence, mentions: Mention[], rejected: Set<string>): Mention[] {
  const { tokens } = s;
  const out: Mention[] = [];
  for (const m of mentions) {
    const next = tokens[m.end];
    if (!m.lex && next) {
      if (m.source === 'acronym' && TASK_AFTER.has(next.text)) {
        if (m.alias) rejected.add(m.alias);
        continue;
      }
      // "Foo-Bar at SemEval-2018 Task 1: ...": a team's system report.
      const teamInTitle = s.isTitle && m.start === 0 && next.text === 'at' && isCapitalized(tokens[m.end + 1]?.text ?? '');
      if (m.source !== 'acronym' && (TEAM_AFTER.test(next.text) || teamInTitle)) {
        rejected.add(m.name);
        continue;
      }
    }
    if (m.source !== 'phrase' && m.source !== 'name') {
      out.push(m);
      continue;
    }
    // "... from O(n^2)": a formula's letter ends no name; "Entity Recognition" is a task.
    if (NAME_END_JUNK.test(m.name) || (m.name.includes(' ') && TASK_NAME.test(m.alias ?? m.name))) continue;
    // "While Neural Attention ...": a subordinating conjunction opens the clause, not the name.
    if (m.end - m.start > 2 && SUBORDINATOR.has(tokens[m.start].text)) {
      pushSplit(out, s, trimFirst(s, m));
      continue;
    }
    pushSplit(out, s, m);
  }
  return out;
}

function trimFirst(s: Sentence, m: Mention): Mention {
  const first = s.tokens[m.start].text;
  const cut = (x: string) => (x.startsWith(`${first} `) ? x.slice(first.length + 1) : x);
  return { ...m, start: m.start + 1, charStart: s.tokens[m.start + 1].start, name: cut(m.name), alias: m.alias && cut(m.alias) };
}

/** Pushes `m`, or its two names when they share a head: "Neural Attention and Dot-Product Attention". */
function pushSplit(out: Mention[], s: Sentence, m: Mention): void {
  if (m.source !== 'phrase' || m.alias || m.end - m.start < 5) {
    out.push(m);
    return;
  }
  const { tokens, text } = s;
  for (let k = m.start + 2; k < m.end - 2; k++) {
    if (tokens[k].text !== 'and' || tokens[k - 1].text !== tokens[m.end - 1].text) continue;
    const part = (a: number, b: number): Mention => {
      const name = text.slice(tokens[a].start, tokens[b - 1].end);
      return { ...m, start: a, end: b, charStart: tokens[a].start, name, type: typeFromHead(name) };
    };
    out.push(part(m.start, k), part(k + 1, m.end));
    return;
  }
  out.push(m);
}

const DATA_NOUN = /^(?:datasets?|benchmarks?|corpora|corpus|testsets?|test-sets?)$/;

/** "benchmarks such as Foo14, Bar15 and Baz16": unlisted names listed after a dataset noun are datasets. */
function typeDatasetLists(s: Sentence, mentions: Mention[]): void {
  const { tokens } = s;
  // Asking each mention is cheaper than grouping them into lists, and most sentences have no dataset noun before one.
  if (!mentions.some((m) => afterDataNoun(tokens, m.start))) return;
  for (let g = 0; g < mentions.length; ) {
    let end = g + 1;
    while (end < mentions.length && mentions[end].start > mentions[end - 1].end && allGlue(tokens, mentions[end - 1].end, mentions[end].start)) end++;
    if (afterDataNoun(tokens, mentions[g].start)) {
      for (let k = g; k < end; k++) {
        const m = mentions[k];
        if (!m.typeKnown && !m.lex && m.source === 'name' && m.type === 'method') m.type = 'dataset';
      }
    }
    g = end;
  }
}

/** Does a dataset noun introduce token `at` as a list: "benchmarks such as", "datasets including", "corpora: ", "testsets ("? */
function afterDataNoun(tokens: Token[], at: number): boolean {
  // No negative indexes (V8 looks those up as named properties, slowly): a noun and an intro come first.
  if (at < 2) return false;
  const intro = tokens[at - 1].text;
  const noun =
    intro === 'as' && at > 2 && tokens[at - 2].text === 'such'
      ? tokens[at - 3]
      : intro === 'including' || intro === 'like' || intro === ':' || intro === '('
        ? tokens[at - 2]
        : undefined;
  return !!noun && DATA_NOUN.test(noun.text);
}

// ---------------------------------------------------------------------------------------------------------------
// Paper-level merges: one thing the spotter saw under two names.

const GLUED = /^(.*[A-Za-z0-9])(and|can|the|with|for|that|which|is|are|was|were|has|have|to|of|in|on|by)$/;

/** "S2-Attentioncan", "DKerneland": a name glued to the next word by a missing space in the source text. */
function mergeGlued(table: EntityTable): void {
  for (const e of [...table.list]) {
    if (e.lex || e.aliases.length || e.name.includes(' ')) continue;
    const m = GLUED.exec(e.name);
    if (!m) continue;
    const stem = table.find(m[1]);
    if (stem && stem !== e) {
      stem.mentions.push(...e.mentions);
      if (e.proposed) markProposed(stem, e.evidence ?? '');
      table.remove(e);
    } else if (/[A-Z0-9]$/.test(m[1]) && isStrongName(m[1])) table.remove(e);
  }
}

/** "we develop EHPC, an Evaluator Head-based Prompt Compression method", "Dynamic Mask Attention ... DMA": an unlisted acronym and the long form it spells. */
function mergeAcronyms(table: EntityTable): void {
  for (const s of [...table.list]) {
    if (s.lex || s.aliases.length || s.name.includes(' ') || !isShortForm(s.name) || s.mentions.some((m) => m.source === 'model')) continue;
    const key = norm(s.name);
    const prefix = `${s.name}-`;
    const long = table.list.find((l) => {
      if (l === s || !l.name.includes(' ') || norm(l.name).startsWith(key)) return false;
      // "Siamese ... Hierarchical (SMITH) Encoder" already carries SMITH-Encoder.
      if (l.aliases.some((a) => a.startsWith(prefix))) return true;
      if (l.aliases.some((a) => !a.includes(' ') && isShortForm(a)) || l.name[0].toLowerCase() !== s.name[0].toLowerCase()) return false;
      return l.name.split(/\s+/).length <= s.name.length + 2 && longFormFor(s.name, l.name) === l.name;
    });
    // The proposed one keeps its name: lineage sentences name it by the form the paper introduced.
    if (long) s.proposed && !long.proposed ? table.merge(s, long) : table.merge(long, s);
  }
}

const nameWords = (name: string) => name.toLowerCase().split(/[\s-]+/).filter(Boolean);

/** "Selective Attention" (the title) and "Selective Self-Attention (SSA)" (the abstract): a shortened form of a new name. */
function mergeShortenedNames(table: EntityTable): void {
  const news = table.list.filter((e) => e.proposed && e.name.includes(' '));
  if (news.length < 2) return;
  for (const a of news) {
    if (a.lex && a.mentions.some((m) => m.sent !== 0)) continue;
    const aw = nameWords(a.name);
    const b = news.find((x) => {
      if (x === a || x.lex || !table.list.includes(x)) return false;
      const bw = nameWords(x.name);
      if (bw.length <= aw.length || bw[0] !== aw[0] || bw[bw.length - 1] !== aw[aw.length - 1]) return false;
      let k = 0;
      for (const w of bw) if (w === aw[k]) k++;
      return k === aw.length;
    });
    if (b) table.merge(b, a);
  }
}

/** "... via Windowed Rotary Position Embedding": the listed tail the title-case spotter took from a new name. */
function dropTitleFragments(table: EntityTable, title: Sentence): void {
  const lower = title.text.toLowerCase();
  const news = table.list.filter((e) => e.proposed && e.name.includes(' ') && lower.includes(e.name.toLowerCase()));
  if (!news.length) return;
  for (const e of [...table.list]) {
    if (e.proposed || !e.mentions.length || e.mentions.some((m) => m.sent !== 0)) continue;
    const tail = ` ${e.name.toLowerCase()}`;
    if (news.some((p) => p.name.toLowerCase().endsWith(tail))) table.remove(e);
  }
}

const TITLE_GLUE_WORD = /^(?:with|via|using|through|by|into)$/i;
// A title word that is a TITLE_GLUE_WORD once colons are set apart: without one (or a colon that may open a name), nothing to do.
const TITLE_GLUE_IN = /(?:^|[\s:])(?:with|via|using|through|by|into)(?=[\s:]|$)/i;
const TITLE_TECH_HEAD = /^(?:Attention|Convolution|Sampling|Selection|Quantization|Embeddings?|Encoding|Routing|Pooling|Distillation|Compression|Pruning|Decoding|Caching|Gating|Hashing|Search|Scoring|Mechanism|Normalization|Regularization|Alignment|Calibration)$/;
const TITLE_STOP = /^(?:for|and|of|in|on|to|with|via|from|at|as|is|are|the|a|an)$/i;

/**
 * A paper without any proposal cue that names a technique in its title after "with/via/using": "Distilling ... via
 * KL-Guided Layer Selection". The name must read as coined (a hyphenated or name-like word), not be listed, and not be
 * a generic phrase ("with Sparse Attention").
 */
function proposeTitleTechnique(table: EntityTable, title: string, abstract: string, hasNew: boolean, afterColon: boolean): void {
  if (!afterColon && !TITLE_GLUE_IN.test(title)) return;
  const words = title.replace(/:/g, ' : ').split(/\s+/).filter(Boolean);
  let chained = false;
  for (let i = 0; i < words.length - 2; i++) {
    // "via Windowed Rotary Position Embedding and Query-Aware Vector Quantization": a conjunction continues the list.
    // "Beyond Uniform Query Distribution: Key-Driven Grouped Query Attention": a name after a colon that follows no name.
    if (!TITLE_GLUE_WORD.test(words[i]) && !(chained && words[i] === 'and') && !(afterColon && words[i] === ':')) {
      chained = false;
      continue;
    }
    chained = false;
    let j = i + 1;
    while (j < words.length && /^[A-Z]/.test(words[j]) && !TITLE_STOP.test(words[j])) j++;
    const run = words.slice(i + 1, j);
    if (run.length < 2 || !TITLE_TECH_HEAD.test(run[run.length - 1])) continue;
    chained = true;
    i = j - 1;
    const name = run.join(' ');
    // Beside another new name, the technique must be coined and also named in the abstract ("the proposed bi-level routing attention").
    const coined = run.some((w) => /^[A-Z][A-Za-z]*-[A-Za-z]/.test(w) || isStrongName(w));
    if (!coined || (hasNew && !abstract.toLowerCase().includes(name.toLowerCase()))) continue;
    const lex = lexicon();
    if (lex.lookup(name) || lex.isGeneric(name) || run.every((w) => GENERIC_PHRASE_WORDS.has(w))) continue;
    const tail = ` ${name.toLowerCase()}`;
    const same = table.list.find((e) => e.proposed && (contracts(e.name, run) || tail.endsWith(` ${e.name.toLowerCase()}`)));
    if (same) table.addForm(same, name);
    else markProposed(table.find(name) ?? table.add(titleMention(name, title), title), title);
  }
}

/** "TokenSelect" contracts "Dynamic Token-Level KV Cache Selection": each camel-case part starts a word of the phrase. */
function contracts(name: string, phrase: string[]): boolean {
  if (name.includes(' ')) return false;
  const parts = name.match(/[A-Z][a-z]+/g);
  if (!parts || parts.length < 2 || parts.join('') !== name) return false;
  const words = phrase.flatMap((w) => w.toLowerCase().split('-'));
  return parts.every((p) => words.some((w) => w.startsWith(p.toLowerCase())));
}

const PART_HEAD = /^(?:Attention|Convolution|Sampling|Selection|Quantization|Distillation|Compression|Pruning|Decoding|Routing|Pooling|Encoding|Embedding|Caching|Gating|Hashing|Mechanism|Network|Transformer)$/;

/** "Multi-Query Self-Attention with Transition-Aware Embedding Distillation (MQSA-TED)": each named technique is new too. */
function proposeParts(table: EntityTable, e: PaperEntity): void {
  if (e.lex || !e.name.includes(' with ')) return;
  const parts = e.name.split(' with ');
  if (parts.length !== 2) return;
  const ok = (p: string) => {
    const w = p.split(/\s+/);
    return w.length >= 2 && w.every((x) => /^[A-Z]/.test(x)) && PART_HEAD.test(w[w.length - 1].split('-').pop()!);
  };
  if (!parts.every(ok)) return;
  for (const p of parts) if (!table.find(p)) markProposed(table.add({ ...titleMention(p, p), sent: e.mentions[0]?.sent ?? 0 }, e.evidence ?? ''), e.evidence ?? '');
}
