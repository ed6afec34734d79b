// Entity and lineage extraction from one paper's title and abstract (ANNOTATION.md): deterministic, pure, no I/O after
// the lexicons are loaded once.
import type { ExtractedEntity, PaperExtraction } from '../types.ts';
import { paperKey } from '../../src/model/graph.ts';
import { isShortForm, longFormFor } from './acronyms.ts';
import { taxonomy } from './concepts.ts';
import { EntityTable, type PaperEntity } from './entities.ts';
import { lexicon } from './lexicon.ts';
import { MentionSpotter, typeFromHead, type Mention } from './mentions.ts';
import { enumeratedNames, isAppositive, proposalSpans, titleName } from './proposals.ts';
import { extractLineage } from './relations.ts';
import { isCapitalized, isStrongName, norm, splitSentences, toSentence, tokenize, type Sentence } from './text.ts';

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
  sentences.forEach((s, i) => {
    const mentions = spotter!.spot(s, i);
    const proposed = s.isTitle ? new Set<Mention>() : proposedMentions(s, i, mentions, p.title ?? '');
    for (const m of mentions.sort((a, b) => a.start - b.start)) {
      const e = table.add(m, s.text);
      if (proposed.has(m)) markProposed(e, s.text);
    }
  });
  const fromTitle = titleName(p.title);
  if (fromTitle) {
    const e = table.find(fromTitle) ?? table.add(titleMention(fromTitle, p.title!), p.title!);
    markProposed(e, e.evidence ?? p.title!);
    const long = titleLongForm(fromTitle, p.title!);
    if (long && !table.find(long)) {
      if (e.name === fromTitle) {
        e.name = long;
        e.aliases.unshift(fromTitle);
      }
      table.addForm(e, long);
    }
  }

  const entities = table.list.filter((e) => e.proposed || !lex.isGeneric(e.name));
  for (const e of entities) if (e.proposed && !e.typeKnown) e.type = typeFromContext(e);
  const lineage = extractLineage(sentences, entities);
  const tax = taxonomy();
  const paperConcepts = new Set(tax.match(`${p.title ?? ''}\n${p.abstract}`));
  const entityConcepts: Record<string, string[]> = {};
  for (const e of entities) {
    if (e.type !== 'method') continue;
    const ids = new Set([...(e.lex?.concepts ?? []), ...tax.match([e.name, ...e.aliases].join(' '))]);
    if (e.proposed && e.evidence) for (const id of tax.match(e.evidence)) ids.add(id);
    for (const id of e.lex?.concepts ?? []) paperConcepts.add(id);
    if (ids.size) entityConcepts[e.name] = [...ids];
  }
  return {
    key: paperKey(p.title, p.abstract),
    title: p.title,
    entities: entities.map(toExtracted),
    ...lineage,
    concepts: tax.concepts.map((c) => c.id).filter((id) => paperConcepts.has(id)),
    entityConcepts,
  };
}

function markProposed(e: PaperEntity, sentence: string): void {
  if (!e.proposed) e.evidence = sentence;
  e.proposed = true;
}

// Listed entities are rarely new: only when named right after the cue and in the title ("We propose FlashAttention").
function canBeNew(m: Mention, s: Sentence, from: number, title: string): boolean {
  if (!m.lex && m.source !== 'model') return true;
  if (!/[A-Z]/.test(m.name)) return false;
  if (from === m.start) return norm(title).includes(norm(m.name));
  return s.tokens.slice(from, m.start).every((t) => /^(?:the|a|an)$/i.test(t.text));
}

function proposedMentions(s: Sentence, sent: number, mentions: Mention[], title: string): Set<Mention> {
  const out = new Set<Mention>();
  const spans = proposalSpans(s);
  for (const m of enumeratedNames(s, mentions, spans.length > 0)) out.add(m);
  for (const [from, to] of spans) {
    const inSpan = mentions.filter((m) => m.start >= from && m.start < to);
    if (inSpan.length) {
      for (const m of inSpan) if (canBeNew(m, s, from, title)) out.add(m);
    } else {
      const m = namePhrase(s, sent, from, to);
      if (m) {
        mentions.push(m);
        out.add(m);
      }
    }
  }
  for (const m of mentions) if (isAppositive(s, m, s.tokens[m.end - 1].end) && canBeNew(m, s, m.start, title)) out.add(m);
  return out;
}

const GENERIC_NAME = /^(?:Large Language Models?|Language Models?|Transformers?|Attention|LLMs?|Vision Transformers?|Neural Networks?)$/;

/** An unlisted capitalised name right after a proposal cue: "we propose Recycled Attention, ...". */
function namePhrase(s: Sentence, sent: number, from: number, to: number): Mention | null {
  const { tokens, text } = s;
  let i = from;
  while (i < to && !tokens[i].punct && !isCapitalized(tokens[i].text) && !isStrongName(tokens[i].text) && i - from < 5) i++;
  if (i >= to || tokens[i].punct) return null;
  let j = i;
  while (j < to && !tokens[j].punct && (isCapitalized(tokens[j].text) || isStrongName(tokens[j].text))) j++;
  if (j === i) return null;
  const name = text.slice(tokens[i].start, tokens[j - 1].end);
  const next = tokens[j]?.text;
  // A single plain word is a name only when it stands alone: "we propose Quad, a ...", "We propose Self-Extend to ...".
  if (j - i === 1 && !isStrongName(name) && !(i === from && name.includes('-')) && next !== undefined && !/^[,(:]$/.test(next)) return null;
  if (GENERIC_NAME.test(name) || lexicon().isGeneric(name)) return null;
  return { sent, start: i, end: j, charStart: tokens[i].start, name, alias: null, type: typeFromHead(name), source: 'phrase', typeKnown: false, family: null, parameters: null, lex: null };
}

/** "RCMHA: Relative Convolutional Multi-Head Attention for ...": the words after the colon that spell the name. */
function titleLongForm(short: string, title: string): string | null {
  if (!isShortForm(short)) return null;
  const words = title.slice(title.indexOf(':') + 1).trim().split(/\s+/);
  let best: string | null = null;
  // The longest run of name words that still spells the acronym, stopping at "for", "with", ...
  for (let k = 1; k <= Math.min(words.length, 10) && /^[A-Z0-9]/.test(words[k - 1]); k++) {
    const candidate = words.slice(0, k).join(' ').replace(/[,;]$/, '');
    if (k > 1 && longFormFor(short, candidate) === candidate) best = candidate;
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

function toExtracted(e: PaperEntity): ExtractedEntity {
  const out: ExtractedEntity = { name: e.name, aliases: e.aliases, type: e.type, proposed: e.proposed, evidence: e.evidence };
  if (e.type === 'model') {
    out.family = e.family;
    out.parameters = e.parameters;
  }
  return out;
}
