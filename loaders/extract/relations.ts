// Lineage between a paper's proposed entities and the others (ANNOTATION.md, "Relations between methods"): a cue
// phrase governs the names that follow it up to a clause boundary; the subject is the proposed entity named before the
// cue (or after a sentence-initial cue), or "we/our method/it" standing for the paper's primary contribution.
import type { ExtractedRelation, GoldType } from '../types.ts';
import { findCues, firstSelfRef, isSentenceInitial, lastSelfRef, scopeEnd, selfRefFrom, type Cue } from './cues.ts';
import type { PaperEntity } from './entities.ts';
import { firstStartingAt, isAlnumCode, isLowerCode, isSpace, isUpperCode, norm, sortByStart, type Sentence } from './text.ts';

const APPLY_CUE = /\b(?:appl(?:y|ies|ied|ying)|on|to|with|using|fine-tun\w*|into|integrat\w*|equip\w*|based on|extend\w*)\b/i;
// Evaluation sentences use models as test beds, not as foundations: "experiments using LLaMA-7B".
const EXPERIMENT = /\b(?:experiments?|experimental|evaluat\w+|conducted|tested|testing|benchmarks?|benchmarking|results)\b/i;

export interface Lineage {
  buildsOn: ExtractedRelation[];
  comparedWith: ExtractedRelation[];
  evaluatedOn: ExtractedRelation[];
  appliedTo: ExtractedRelation[];
}

interface Span {
  e: PaperEntity;
  start: number;
  end: number;
}

type Group = 'system' | 'data' | 'metric';
const group = (t: GoldType): Group => (t === 'dataset' ? 'data' : t === 'metric' ? 'metric' : 'system');

/** A sentence as the cues see it: the splitter's pieces rejoined where it cut after "e.g." or "vs.". */
interface Clause {
  text: string;
  spans: Span[];
}

// The sentence splitter cuts "(e.g. Mamba)" after "e.g."; a piece that ends so continues in the next one.
// Global, so that a test can start near the end rather than try every word: the longest, dot included, is 7 characters.
const CUT_ABBREVIATION = /\b(?:e\.g|i\.e|vs|cf|etc|al|approx|resp|incl|w\.r\.t|Fig|Eq|Sec|No)\.$/gi;
const CUT_REACH = 8;
// So does a piece before one that opens in lower case or with a closing bracket.
const CONTINUATION = /^[a-z)\]]/;

function endsCut(text: string): boolean {
  CUT_ABBREVIATION.lastIndex = Math.max(0, text.length - CUT_REACH);
  return CUT_ABBREVIATION.test(text);
}

// Each sentence's clause (-1 for the title) and its offset there: buffers kept across papers rather than an object per sentence.
let clauseOfSentence = new Int32Array(64);
let offsetInClause = new Int32Array(64);

function clausesOf(sentences: Sentence[], entities: PaperEntity[]): Clause[] {
  if (clauseOfSentence.length < sentences.length) {
    clauseOfSentence = new Int32Array(sentences.length * 2);
    offsetInClause = new Int32Array(sentences.length * 2);
  }
  const out: Clause[] = [];
  let joinNext = false;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    if (s.isTitle) {
      clauseOfSentence[si] = -1;
      continue;
    }
    if (joinNext && out.length) {
      const c = out[out.length - 1];
      clauseOfSentence[si] = out.length - 1;
      offsetInClause[si] = c.text.length + 1;
      c.text += ' ' + s.text;
    } else {
      clauseOfSentence[si] = out.length;
      offsetInClause[si] = 0;
      out.push({ text: s.text, spans: [] });
    }
    joinNext = endsCut(s.text) || (si + 1 < sentences.length && CONTINUATION.test(sentences[si + 1].text));
  }
  // Mentions bucketed by clause once: no per-sentence scan of every entity.
  for (const e of entities) {
    for (const m of e.mentions) {
      const s = sentences[m.sent];
      if (!s || clauseOfSentence[m.sent] < 0) continue;
      const last = s.tokens[m.end - 1];
      const end = last ? last.end : m.charStart + m.name.length;
      const offset = offsetInClause[m.sent];
      out[clauseOfSentence[m.sent]].spans.push({ e, start: offset + m.charStart, end: offset + end });
    }
  }
  return out;
}

export function extractLineage(sentences: Sentence[], entities: PaperEntity[]): Lineage {
  const out: Lineage = { buildsOn: [], comparedWith: [], evaluatedOn: [], appliedTo: [] };
  const proposed = entities.filter((e) => e.proposed);
  if (!proposed.length) return out;
  const primary = primaryOf(sentences, proposed);

  // The paper's own entities as subjects: the proposed ones, names that extend them (ConvBERTbase, MoH-LLaMA3-8B),
  // and a stray acronym of a proposed name ("DMA" for Dynamic Mask Attention), which stands for that entity.
  const own = new Map<PaperEntity, PaperEntity>();
  for (const p of proposed) own.set(p, p);
  // A name extending a proposed one holds one of its forms, which few papers have: asked of all the proposed forms at
  // once before any test of a pair.
  const proposedForms: string[] = [];
  for (const p of proposed) proposedForms.push(...p.forms);
  const extendable = entities.some((e) => !e.proposed && anyHeld(e.forms, proposedForms));
  for (const e of entities) {
    if (e.proposed) continue;
    const abbreviated = ACRONYM.test(e.name) ? proposed.find((p) => spellsInitials(e.name, p.name)) : undefined;
    if (abbreviated) own.set(e, abbreviated);
    else if (extendable && proposed.some((p) => containedLength(e, p, true) > 0)) own.set(e, e);
  }

  let needles: Needle[] | null = null;
  let recent: PaperEntity = primary;
  const emit = emitter(out, own);
  for (const c of clausesOf(sentences, entities)) {
    if (!c.spans.length) continue;
    const cues = findCues(c.text);
    if (cues.length) {
      addUnspotted(c.text, c.spans, (needles ??= needlesOf(entities)));
      sortByStart(c.spans);
      // A candidate pair needs some entity besides the paper's own (or an anaphor: "On top of the algorithm, we build Y").
      // The cue is tested first: read only when hasOther failed, its fields had no type feedback yet when V8 optimised
      // this function, which then deoptimised once per run.
      if ((cues[0].family === 'build' && cues[0].start < 16) || hasOther(c.spans, own)) linkSentence(c.text, c.spans, cues, own, primary, recent, emit, proposed);
    }
    const named = firstOwn(c.spans, own, 0, c.spans.length);
    if (named) recent = own.get(named.e)!;
  }

  // Compound names built from other entities' names: MoH-LLaMA3-8B -> LLaMA3-8B, CHM-Corr++ -> CHM-Corr, ConvBERT -> BERT.
  // A part has a form inside a proposed form: asked once per entity, not per pair with its name checks.
  const candidates = entities.filter((e) => anyHeld(proposedForms, e.forms));
  for (const p of proposed) {
    const parts: Array<{ e: PaperEntity; len: number; form: string; ok: boolean }> = [];
    for (const e of candidates) {
      if (e === p || e.forms.some((f) => p.forms.includes(f))) continue;
      const len = containedLength(p, e, true);
      if (!len) continue;
      const form = e.forms.find((f) => f.length === len && p.forms.some((pf) => pf.includes(f)))!;
      parts.push({ e, len, form, ok: containedLength(p, e, false, entities) > 0 });
    }
    // Keep the largest parts: VAE-BiLSTM, not also the VAE inside it.
    for (const part of parts) {
      if (!part.ok || parts.some((o) => o !== part && o.len > part.len && o.form.includes(part.form))) continue;
      add(out.buildsOn, p, part.e, p.evidence ?? '');
    }
  }

  for (const e of entities) {
    if (e.proposed || !e.evidence) continue;
    if (e.type === 'dataset' && primary.type !== 'dataset') add(out.evaluatedOn, primary, e, e.evidence);
    if (e.type === 'model' && primary.type === 'method' && APPLY_CUE.test(e.evidence)) add(out.appliedTo, primary, e, e.evidence);
  }
  return out;
}

/**
 * Records a relation, unless it links an entity with itself or one of the paper's names with the entity it stands for.
 * A factory rather than a closure written in extractLineage: see proposedTest in index.ts.
 */
function emitter(out: Lineage, own: Map<PaperEntity, PaperEntity>): Emit {
  return (family, from, to, wins, evidence) => {
    if (from === to || own.get(to) === from) return;
    if (family === 'build') add(out.buildsOn, from, to, evidence);
    else add(out.comparedWith, from, to, evidence, wins ? 'outperforms' : 'compared');
  };
}

function add(list: ExtractedRelation[], from: PaperEntity, to: PaperEntity, evidence: string, outcome?: string): void {
  if (from === to) return;
  // A paper links a handful of pairs: reading the list costs less than keeping maps and sets of them beside it.
  for (const r of list) if (r.from === from.name && r.to === to.name) return;
  list.push(outcome ? { from: from.name, to: to.name, evidence, outcome } : { from: from.name, to: to.name, evidence });
}

/** Some span names an entity besides the paper's own, or two different ones. */
function hasOther(spans: Span[], own: Map<PaperEntity, PaperEntity>): boolean {
  for (const h of spans) if (!own.has(h.e) || h.e !== spans[0].e) return true;
  return false;
}

/** The first span of spans[from..to) naming one of the paper's own entities. */
function firstOwn(spans: Span[], own: Map<PaperEntity, PaperEntity>, from: number, to: number): Span | undefined {
  for (let k = from; k < to; k++) if (own.has(spans[k].e)) return spans[k];
  return undefined;
}

// "DMA" abbreviates "Dynamic Mask Attention": the capitals are the initials of the name's words.
const ACRONYM = /^[A-Z][A-Z0-9]{1,6}$/;

/** The initials of `long`'s words, upper-cased, spell `acronym`: compared as they come rather than built first. */
function spellsInitials(acronym: string, long: string): boolean {
  // A character scan: split, filter and map cost more than the name is long.
  let at = 0;
  let wordStart = true;
  for (let k = 0; k < long.length; k++) {
    const c = long.charCodeAt(k);
    if (c === 45 || isSpace(c)) wordStart = true;
    else if (wordStart) {
      const initial = long[k].toUpperCase();
      if (!acronym.startsWith(initial, at)) return false;
      at += initial.length;
      wordStart = false;
    }
  }
  return at === acronym.length;
}

/** The paper's main contribution: the proposed entity named in the title, else the first one introduced. */
function primaryOf(sentences: Sentence[], proposed: PaperEntity[]): PaperEntity {
  const title = sentences[0]?.isTitle ? sentences[0].text : '';
  let best = proposed[0];
  let bestScore = -Infinity;
  for (const e of proposed) {
    const inTitle = title && e.mentions.some((m) => m.sent === 0) ? 1 : 0;
    const score = inTitle * 1000 + (e.type === 'method' || e.type === 'model' ? 100 : 0) - firstSentence(e) + e.mentions.length * 0.01;
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best;
}

/** The first sentence that mentions `e`. */
function firstSentence(e: PaperEntity): number {
  let first = Infinity;
  for (const m of e.mentions) if (m.sent < first) first = m.sent;
  return first;
}

type Emit = (family: Cue['family'], from: PaperEntity, to: PaperEntity, wins: boolean, evidence: string) => void;

/** A name or alias as addUnspotted searches for it. */
interface Needle {
  e: PaperEntity;
  text: string;
  caseful: boolean;
}

const ALL_CAPS = /^[A-Z0-9]+$/;

/** Every form of the entities, in entity order: short acronyms match case-sensitively ("SEA" is not "sea"), longer names in any case. */
function needlesOf(entities: PaperEntity[]): Needle[] {
  const out: Needle[] = [];
  for (const e of entities) {
    for (let k = -1; k < e.aliases.length; k++) {
      const form = k < 0 ? e.name : e.aliases[k];
      if (form.length < 2) continue;
      const caseful = form.length <= 5 || ALL_CAPS.test(form);
      out.push({ e, text: caseful ? form : form.toLowerCase(), caseful });
    }
  }
  return out;
}

/** Names the mention spotter left out in this sentence ("where Sigma demonstrates", a lower-cased "lightning attention"). */
function addUnspotted(text: string, here: Span[], needles: Needle[]): void {
  let lower: string | null = null;
  for (const { e, text: needle, caseful } of needles) {
    const hay = caseful ? text : (lower ??= text.toLowerCase());
    for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) {
      const j = i + needle.length;
      // Reads stay in range: one out-of-range charCodeAt deoptimises the search.
      if ((i > 0 && isAlnumCode(text.charCodeAt(i - 1))) || (j < text.length && isAlnumCode(text.charCodeAt(j)))) continue;
      if (overlapsAny(here, i, j)) continue;
      here.push({ e, start: i, end: j });
    }
  }
}

function overlapsAny(spans: Span[], start: number, end: number): boolean {
  for (const h of spans) if (h.start < end && start < h.end) return true;
  return false;
}

// Parenthesised asides do not end a cue's scope: "adapts deep LMs (in particular, BERT) for retrieval".
function maskParens(text: string): string {
  const open = text.indexOf('(');
  if (open < 0) return text;
  // Slices and runs of spaces rather than a character at a time; offsets are kept.
  let out = '';
  let from = 0;
  let depth = 0;
  let maskFrom = 0;
  for (let k = open; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 40) {
      if (depth++ === 0) {
        out += text.slice(from, k);
        maskFrom = k;
      }
    } else if (c === 41 && depth > 0 && --depth === 0) {
      out += ' '.repeat(k + 1 - maskFrom);
      from = k + 1;
    }
  }
  return depth > 0 ? out + ' '.repeat(text.length - maskFrom) : out + text.slice(from);
}

const ANAPHOR = /^\s*(?:the|this|our|these)\s+(?:proposed\s+|new\s+)?(?:algorithm|method|mechanism|approach|technique|attention|module|design|framework|architecture|kernel|operator)s?\s*$/i;
const PLURAL_SUBJECT = /\b(?:two|three|four|five|several|these|both|all)\s+(?:[\w-]+\s+){0,3}?(?:mechanisms|methods|approaches|variants|models|techniques|architectures|attentions|algorithms|modules)\b/i;

function linkSentence(text: string, here: Span[], cues: Cue[], own: Map<PaperEntity, PaperEntity>, primary: PaperEntity, recent: PaperEntity, emit: Emit, siblings: PaperEntity[] = []): void {
  const masked = maskParens(text);
  // The targets linked so far: a few spans, not worth a set.
  const consumed: Span[] = [];
  // Asked only of a weak cue with a target: most sentences have none.
  let experiment: boolean | undefined;
  for (let ci = 0; ci < cues.length; ci++) {
    const cue = cues[ci];
    const next = ci + 1 < cues.length ? cues[ci + 1].start : text.length;
    // A mention cannot start inside the cue; the scope stops at the next cue or a clause boundary.
    let end = scopeEnd(masked, cue.end, next);
    // The spans in scope, here[lo] to here[hi - 1]: the spans are sorted.
    const lo = firstStartingAt(here, cue.end);
    const hi = firstStartingAt(here, end, lo);
    if (lo === hi) {
      // "On top of the algorithm, we build DKernel": the anaphor is the paper's primary contribution.
      if (cue.family === 'build' && ANAPHOR.test(text.slice(cue.end, end)) && isSentenceInitial(text.slice(0, cue.start))) {
        const after = firstOwn(here, own, hi, here.length);
        if (after && own.get(after.e) !== primary && text.slice(end, after.start).length < 40) emit('build', own.get(after.e)!, primary, false, text);
      }
      continue;
    }
    let subject: PaperEntity | null = null;
    let explicit = false;

    // The last of the paper's own names before the cue that no earlier cue took as a target.
    let lastProposed: Span | undefined;
    for (let k = here.length - 1; k >= 0 && !lastProposed; k--) {
      const h = here[k];
      if (h.end <= cue.start && !consumed.includes(h) && own.has(h.e)) lastProposed = h;
    }
    if (cue.subjectInScope) {
      const first = firstOwn(here, own, lo, hi);
      if (first) {
        subject = own.get(first.e)!;
        explicit = true;
      }
    }
    // The last self-reference before the cue, read only when it can matter: without one after the last proposed name,
    // that name is the subject (and an explicit subject never asks where the self-reference is).
    const before = text.slice(0, cue.start);
    const selfAt = subject || (lastProposed && !selfRefFrom(before, lastProposed.start)) ? -1 : lastSelfRef(before);
    if (!subject && lastProposed && lastProposed.start >= selfAt) {
      subject = own.get(lastProposed.e)!;
      explicit = true;
    } else if (!subject && selfAt >= 0) {
      subject = selfReferent(text, selfAt, cue.start, primary, recent);
      // "the advantages of RCMHA, wherein it exhibits ...": a mid-sentence "it" is the name before it.
      if (!subject && lastProposed) {
        subject = own.get(lastProposed.e)!;
        explicit = true;
      }
    }
    if (!subject && isSentenceInitial(before)) {
      // "Compared to X, our method ...", "Based on X, we build Y": the subject follows the scope.
      const after = firstOwn(here, own, hi, here.length);
      const selfAfter = firstSelfRef(text.slice(end));
      if (after && (selfAfter < 0 || after.start <= end + selfAfter + 4 + 40)) {
        subject = own.get(after.e)!;
        explicit = true;
      } else if (selfAfter >= 0) subject = selfReferent(text, end + selfAfter, text.length, primary, recent);
    }
    // "As baselines, X and Y were used": the paper's own method is the one compared.
    if (!subject && cue.baseline) subject = primary;
    if (!subject) continue;
    // A proposed name in scope that is no target ends it ("Based on X, we build our Y"), unless the cue allows the subject inside it.
    for (let k = lo; k < hi; k++) {
      const owner = own.get(here[k].e);
      if (owner && !isTarget(cue, here[k], owner, text, explicit, subject) && !(cue.subjectInScope && owner === subject)) {
        end = here[k].start;
        break;
      }
    }
    for (let k = lo; k < hi && here[k].start < end; k++) {
      const h = here[k];
      if (!isTarget(cue, h, own.get(h.e), text, explicit, subject)) continue;
      if (!compatible(cue, subject, h.e, explicit) || TASK_TARGET.test(h.e.name)) continue;
      if (masked[h.start] === ' ' && !asideOk(text, h.start, here)) continue;
      if (cue.weak && ((experiment ??= EXPERIMENT.test(text)) || QUANTITY.test(text.slice(cue.end, cue.end + 24)))) continue;
      consumed.push(h);
      emit(cue.family, subject, h.e, cue.wins, text);
      // "three new attention mechanisms that outperform X", "these variants improve upon X": every proposed sibling.
      if (!explicit && PLURAL_SUBJECT.test(text.slice(Math.max(0, selfAt), cue.start)))
        for (const sib of siblings) if (sib !== subject && group(sib.type) === group(subject.type)) emit(cue.family, sib, h.e, cue.wins, text);
    }
  }
}

// Tasks are what a method is for, not a method it builds on or beats: "outperforms state-of-the-art MLTC methods".
const TASK_TARGET = /\b(?:classification|recognition|detection|segmentation|answering|translation|summari[sz]ation|labell?ing|tagging|parsing|extraction)$/i;

/** A name inside brackets is governed by the cue only as an example: "(e.g. Mamba)", "(in particular, BERT)", not "(59.6% vs 62.8% on Mistral)". */
function asideOk(text: string, at: number, here: Span[]): boolean {
  const open = text.lastIndexOf('(', at);
  if (open < 0) return true;
  const first = here.find((h) => h.start > open)?.start ?? at;
  const lead = text.slice(open + 1, first).replace(EXAMPLE_LEAD, '');
  return !AMOUNT_OR_SETTING.test(lead);
}

const EXAMPLE_LEAD = /^\s*(?:e\.g\.|i\.e\.|in particular|such as|including|like|especially|namely|notably|see)[,:\s]*/i;
const AMOUNT_OR_SETTING = /\d|%|\b(?:on|in|for|at|with|vs|versus|by|from|of|to|than|over)\b/i;

// "using roughly half the memory of X", "utilizing only 3% of the data": an amount, not a foundation.
const QUANTITY = /^\s+(?:only\s+|just\s+)?(?:roughly|about|around|approximately|less|fewer|more|half|up\s+to|at\s+most|\d)/i;

/** Methods and models link with each other; datasets with datasets, metrics with metrics; a dataset may be built with a tool. */
function compatible(cue: Cue, from: PaperEntity, to: PaperEntity, explicit: boolean): boolean {
  const a = group(from.type);
  const b = group(to.type);
  return a === b || (cue.family === 'build' && explicit && a === 'data' && b === 'system');
}

const IT = /^(?:it|its)\b/i;

/** "our benchmark" names the proposed dataset, "it" the entity named last, "we/our method" the primary contribution. */
function selfReferent(text: string, at: number, to: number, primary: PaperEntity, recent: PaperEntity): PaperEntity | null {
  if (IT.test(text.slice(at, to))) {
    // "Moreover, it ensures ...": the method of the previous sentences; "While X ..., it ..." is about X.
    return isSentenceInitial(text.slice(0, at)) ? recent : null;
  }
  return primary;
}

/** A span in scope is a target of `subject`: any other entity, or another of the paper's own when marked as such. */
function isTarget(cue: Cue, h: Span, owner: PaperEntity | undefined, text: string, explicit: boolean, subject: PaperEntity): boolean {
  return !owner || (owner !== subject && proposedTargetOk(cue, h, text, explicit, subject));
}

/** Another proposed entity is a target only when the text marks it as the paper's own: "tailored to our X". */
function proposedTargetOk(cue: Cue, h: Span, text: string, explicit: boolean, subject: PaperEntity): boolean {
  if (!h.e.proposed) return false;
  if (cue.family !== 'build') return false;
  if (subject.forms.some((f) => h.e.forms.includes(f))) return false;
  const lead = text.slice(Math.max(0, h.start - 16), h.start);
  return OWN_LEAD.test(lead) || (explicit && h.start - cue.end <= 2);
}

const OWN_LEAD = /\b(?:our|the\s+proposed)\s+$/i;

// Tasks and paradigms inside a name are what it is for, not what it is built from: "Attention-Challenging MIL",
// "Efficient Transformer Knowledge Distillation", "FocusICL".
const TASK_HEAD = /\b(?:learning|ranking|distillation|cache|classification|recognition|detection|segmentation|generation|answering|translation|summari[sz]ation|retrieval|search|tuning|training|inference|grounding|prediction|understanding|reasoning|modell?ing|labell?ing|tagging|parsing|extraction|matching|interface|processing)$/i;

/**
 * Length of the longest form of `e` found in a form of `p` at a word boundary of p's written name, or 0.
 * `variant`: only asks whether p's name extends e's (ConvBERTbase extends ConvBERT), with no filter on e.
 */
function containedLength(p: PaperEntity, e: PaperEntity, variant = false, entities: readonly PaperEntity[] = NO_ENTITIES): number {
  if (!variant) {
    // Another proposed entity is a part only when p is a variant of it ("Fast-VTrans") or it joins two named parts
    // ("MoH-LLaMA3-8B"); "HiP Attention" and "Hymba-1.5B-Base" are the same thing under another name.
    if (e.proposed && !p.forms.some((pf) => e.forms.some((f) => f.length >= 3 && pf.length >= f.length + 3 && (pf.endsWith(f) || (pf.startsWith(f) && entities.some((o) => o !== e && o !== p && o.forms.includes(pf.slice(f.length))))))))
      return 0;
    if (TASK_HEAD.test(e.name)) return 0;
    // A bare acronym nobody defines or lists ("GUI") is too thin to be a component.
    if (!e.lex && !e.family && e.type !== 'model' && !e.aliases.length && BARE_ACRONYM.test(e.name)) return 0;
  }
  let best = 0;
  // Parts are read in the full name: "VAE-BiLSTM" abbreviates p's name, the "VAE" inside it is no part of its own.
  const nameKey = variant ? null : norm(p.name);
  for (const f of e.forms) {
    if (f.length < 3 || f.length <= best) continue;
    if (nameKey === null ? !anyHoldsLonger(p.forms, f) : !holdsLonger(nameKey, f)) continue;
    const written = variant ? [p.name, ...p.aliases] : [p.name];
    const surfaces = [e.name, ...e.aliases].filter((x) => norm(x) === f);
    for (const w of written) {
      for (const x of surfaces) {
        if (!atBoundary(w, x)) continue;
        // "VLSP 2021 - ViMRC Challenge" is the ViMRC challenge itself, not something built on it.
        if (!variant && p.type === 'dataset' && DATASET_REST.test(w.replace(x, ' '))) continue;
        best = f.length;
      }
    }
  }
  return best;
}

const NO_ENTITIES: readonly PaperEntity[] = [];
const BARE_ACRONYM = /^[A-Z]{2,4}$/;

/** Key `pf` holds key `f` with more than one character to spare. */
const holdsLonger = (pf: string, f: string) => pf !== f && pf.length > f.length + 1 && pf.includes(f);

function anyHoldsLonger(forms: string[], f: string): boolean {
  for (const pf of forms) if (holdsLonger(pf, f)) return true;
  return false;
}

/** Some key in `outer` holds some key of three characters or more in `inner`: containedLength's first test, for all pairs. */
function anyHeld(outer: string[], inner: string[]): boolean {
  for (const f of inner) if (f.length >= 3 && anyHoldsLonger(outer, f)) return true;
  return false;
}

const DATASET_REST = /\b(?:challenge|benchmark|dataset|corpus|track|suite|task|shared task|leaderboard)\b/i;

/** `part` occurs in `whole` not glued inside a word ("ConvBERT" holds "BERT", "RoBERTa" does not), ignoring punctuation. */
function atBoundary(whole: string, part: string): boolean {
  const w = compact(whole);
  const p = compact(part).chars.toLowerCase();
  if (!p) return false;
  const { chars, sepBefore } = w;
  const lower = chars.toLowerCase();
  for (let i = lower.indexOf(p); i >= 0; i = lower.indexOf(p, i + 1)) {
    const j = i + p.length;
    const okBefore = i === 0 || sepBefore[i] || (isLowerOrDigit(chars.charCodeAt(i - 1)) && isUpperCode(chars.charCodeAt(i)));
    const okAfter = j === chars.length || sepBefore[j] || (isLowerCode(chars.charCodeAt(j - 1)) && isUpperCode(chars.charCodeAt(j)));
    if (okBefore && okAfter) return true;
  }
  return false;
}

const isLowerOrDigit = (c: number) => isLowerCode(c) || (c >= 48 && c <= 57);

/** Letters and digits of `t`, each flagged when punctuation or a space came right before it. */
function compact(t: string): { chars: string; sepBefore: boolean[] } {
  let chars = '';
  const sepBefore: boolean[] = [];
  let sep = false;
  let run = -1;
  for (let k = 0; k < t.length; k++) {
    if (isAlnumCode(t.charCodeAt(k))) {
      if (run < 0) run = k;
      sepBefore.push(sep);
      sep = false;
    } else {
      if (run >= 0) chars += t.slice(run, k);
      run = -1;
      sep = true;
    }
  }
  if (run >= 0) chars += t.slice(run);
  sepBefore.push(sep);
  return { chars, sepBefore };
}
