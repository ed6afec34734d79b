// Entity and lineage extraction from one paper's title and abstract (ANNOTATION.md): deterministic, pure, no I/O after
// the lexicons are loaded once.
import type { ExtractedEntity, PaperExtraction } from '../types.ts';
import { paperKey } from '../../src/model/graph.ts';
import { isShortForm, longFormFor } from './acronyms.ts';
import { taxonomy } from './concepts.ts';
import { EntityTable, type PaperEntity } from './entities.ts';
import { lexicon } from './lexicon.ts';
import { MentionSpotter, typeFromHead, type Mention } from './mentions.ts';
import { isVariantOf, namedInTitle, proposedMentions } from './proposed.ts';
import { titleName } from './proposals.ts';
import { extractLineage } from './relations.ts';
import { isStrongName, norm, splitSentences, toSentence, tokenize, type Sentence } from './text.ts';

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
  const isProposed = (m: Mention) => !!(table.find(m.name)?.proposed || (m.alias && table.find(m.alias)?.proposed));
  const rejected = new Set<string>();
  sentences.forEach((s, i) => {
    const mentions = spotter!.spot(s, i, rejected);
    const proposed = s.isTitle ? new Set<Mention>() : proposedMentions(s, i, mentions, p.title ?? '', isProposed);
    for (const m of mentions.sort((a, b) => a.start - b.start)) {
      const e = table.add(m, s.text);
      if (proposed.has(m)) markProposed(e, s.text);
    }
  });
  if (p.title) {
    markTitleEntity(table, p.title);
    // Without any proposal cue, an unlisted name the title repeats is what the paper is about.
    const titleKey = norm(p.title);
    if (!table.list.some((e) => e.proposed)) for (const e of table.list) if (namedInTitle(e, titleKey)) markProposed(e, e.evidence ?? p.title);
  }
  const news = table.list.filter((e) => e.proposed);
  for (const e of table.list) if (isVariantOf(e, news)) markProposed(e, e.evidence ?? '');

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

/** The paper's own name in its title: the name before the colon, or the whole title or pre-colon part when the abstract names an entity so. */
function markTitleEntity(table: EntityTable, title: string): void {
  // A title that is, before any colon, exactly a name the abstract uses: "Multi-Token Attention", "Summary of a Haystack: ...".
  const named = table.find(title.split(':')[0].trim());
  if (named) markProposed(named, named.evidence ?? title);
  const fromTitle = titleName(title);
  if (!fromTitle) return;
  // "MInference 1.0: ..." names the abstract's MInference; "HiP Attention: ..." its HiP.
  const first = fromTitle.split(/\s+/)[0];
  let e = table.find(fromTitle) ?? table.find(fromTitle.replace(/\s+v?\d+(?:\.\d+)*$/, '')) ?? (isStrongName(first) ? table.find(first) : undefined);
  if (e) table.addForm(e, fromTitle);
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
