// The curated lexicons (JSON data in ./lexicons), compiled once into lookups that cost a few Map probes per token.
import { readFileSync } from 'node:fs';
import type { GoldType } from '../types.ts';
import { foldAscii, isAlnumCode, isLowerCode, norm, type Token } from './text.ts';
import { CharTrie } from './trie.ts';

export interface LexEntry {
  name: string;
  aliases: string[];
  type: GoldType;
  family: string | null;
  concepts: string[];
}

interface AliasRec {
  entry: LexEntry;
  alias: string;
  /** Short all-letter aliases (MAP, ARC, NQ) only match with the same capitals. */
  exactCase: boolean;
  /** The alias's letters and digits, and whether it has two capitals / any capital: computed once. */
  strippedAlias: string;
  twoCaps: boolean;
  upper: boolean;
}

interface FamilyPrefix {
  prefix: string;
  lower: string;
  family: string;
  cs: boolean;
}

export interface ModelMatch {
  end: number;
  family: string;
  parameters: string | null;
}

const readJson = (file: string) => JSON.parse(readFileSync(new URL(`./lexicons/${file}`, import.meta.url), 'utf8'));
const stripped = (s: string) => s.replace(/[^A-Za-z0-9]/g, '');
const hasUpper = (s: string) => /[A-Z]/.test(s);
const MAX_SPAN = 8;
const GLUED_SIZE = /^(?:base|large|small|tiny|mini)$/;
const LONGEST_PREFIX = 32;
const LOWER_START = 1;
const FAMILY_START = 2;

export class Lexicon {
  readonly entries: LexEntry[] = [];
  private readonly byKey = new Map<string, AliasRec[]>();
  /** Character trie of the alias keys: a match walks it token key by token key. */
  private readonly trie: CharTrie;
  /** The aliases whose key ends at a node. */
  private readonly recsAt: Array<AliasRec[] | undefined> = [];
  /** The token couldStartLower walked last and the node it reached: matchAt asks about the same token next. */
  private walkedToken: Token | null = null;
  private walkedNode = 0;
  /** The end (a token index) of the entry matchAt returned last: a field, as a result object was an allocation per match. */
  matchEnd = 0;
  /**
   * Flags by a text's first two characters: LOWER_START for the keys of lower-case aliases and case-blind families,
   * FAMILY_START for every family prefix lower-cased. One table, as couldStartLower asks both of each token.
   */
  private readonly starts = new Uint8Array(128 * 128);
  /** Trie of the model-family prefixes lower-cased: the prefixes a token starts with lie on its walk. */
  private readonly familyTrie: CharTrie;
  /** The prefixes (any case, in file order) whose lower-cased form ends at a node. */
  private readonly familiesAt: Array<FamilyPrefix[] | undefined> = [];
  /** The prefix nodes one familyOf walk passed, shortest first. */
  private readonly familyPath = new Int32Array(LONGEST_PREFIX + 1);
  readonly suffixWords: Set<string>;
  readonly notSuffixes: Set<string>;
  readonly genericAcronyms: Set<string>;
  readonly genericWords: Set<string>;
  readonly architectures: Set<string>;
  /** Acronyms and architectures compared by matching key: BI-LSTM is BiLSTM. */
  private readonly genericKeys: Set<string>;
  /** keyHead slots of the generic keys (and their plurals) and of the alias keys: most texts fail here without keying them. */
  private readonly genericHeads = new Uint8Array(HEAD_SLOTS);
  private readonly aliasHeads = new Uint8Array(HEAD_SLOTS);

  constructor() {
    for (const [file, type] of [
      ['methods.json', 'method'],
      ['datasets.json', 'dataset'],
      ['metrics.json', 'metric'],
    ] as const) {
      for (const raw of readJson(file).entries) {
        const names: string[] = (typeof raw === 'string' ? raw : raw.names).split('|');
        this.add({ name: names[0], aliases: names.slice(1), type, family: null, concepts: raw.concepts ?? [] });
      }
    }
    const models = readJson('models.json');
    const prefixes: FamilyPrefix[] = [];
    for (const fam of models.families) {
      for (const prefix of fam.prefixes as string[]) {
        // familyOf relies on both: its walk has LONGEST_PREFIX slots, and it rejects texts starting beyond ASCII.
        if (prefix.length > LONGEST_PREFIX || !/^[\x20-\x7e]+$/.test(prefix)) throw new Error(`model-family prefix ${prefix}: too long or not ASCII`);
        this.starts[lowerPairIndex(prefix)] |= FAMILY_START;
        prefixes.push({ prefix, lower: prefix.toLowerCase(), family: fam.family, cs: !!fam.cs });
        if (!fam.cs) this.markLowerStart(norm(prefix));
      }
      for (const n of (fam.names ?? []) as string[]) {
        const names = n.split('|');
        this.add({ name: names[0], aliases: names.slice(1), type: 'model', family: fam.family, concepts: [] });
      }
    }
    this.trie = CharTrie.of(this.byKey.keys(), (key, node) => (this.recsAt[node] = this.byKey.get(key)));
    this.familyTrie = CharTrie.of(
      prefixes.map((f) => f.lower),
      (_, node, at) => (this.familiesAt[node] ??= []).push(prefixes[at]),
    );
    this.suffixWords = new Set(models.suffixWords);
    this.notSuffixes = new Set(models.notSuffixes);
    const generic = readJson('generic.json');
    this.genericAcronyms = new Set(generic.acronyms);
    this.genericWords = new Set(generic.words);
    this.architectures = new Set(generic.architectures);
    this.genericKeys = new Set([...generic.acronyms, ...generic.architectures].map(norm));
    for (const key of this.genericKeys) {
      this.genericHeads[keyHead(key)] = 1;
      this.genericHeads[keyHead(`${key}s`)] = 1;
    }
    for (const word of this.genericWords) {
      const head = keyHeadOfText(word);
      if (head >= 0) this.genericHeads[head] = 1;
    }
    for (const key of this.byKey.keys()) this.aliasHeads[keyHead(key)] = 1;
  }

  private add(entry: LexEntry): void {
    this.entries.push(entry);
    for (const alias of [entry.name, ...entry.aliases]) {
      const key = norm(alias);
      if (!key) continue;
      const exactCase = /^[A-Za-z]{1,5}$/.test(stripped(alias));
      const list = this.byKey.get(key) ?? [];
      const rec: AliasRec = { entry, alias, exactCase, strippedAlias: stripped(alias), twoCaps: /[A-Z].*[A-Z]/.test(alias), upper: hasUpper(alias) };
      list.push(rec);
      this.byKey.set(key, list);
      if (!hasUpper(alias)) this.markLowerStart(key);
    }
  }

  private markLowerStart(key: string): void {
    this.starts[pairIndex(key)] |= LOWER_START;
  }

  /** Entry whose name or alias has this matching key (any case). */
  lookup(text: string): LexEntry | undefined {
    const head = keyHeadOfText(text);
    if (head >= 0 && !this.aliasHeads[head]) return undefined;
    return this.byKey.get(norm(text))?.[0]?.entry;
  }

  /** Longest lexicon alias starting at token i (ending at matchEnd); lower-case text only matches aliases listed in lower case. */
  matchAt(sentence: string, tokens: Token[], i: number): LexEntry | null {
    const first = tokens[i];
    if (first.punct) return null;
    // The tokens' keys walk the trie one after the other, as their concatenation would be looked up, without building it.
    if (!first.norm) return null;
    let node = first === this.walkedToken ? this.walkedNode : this.trie.walk(CharTrie.ROOT, first.norm);
    if (!node) return null;
    let best: LexEntry | null = null;
    let upper = first.upper;
    for (let j = i; ; ) {
      const recs = this.recsAt[node];
      if (recs) {
        const rec = accepted(recs, sentence, first.start, tokens[j].end, upper);
        if (rec) {
          best = rec.entry;
          this.matchEnd = j + 1;
        }
      }
      if (++j >= tokens.length || j >= i + MAX_SPAN) break;
      const t = tokens[j];
      if (t.punct) break;
      node = this.trie.walk(node, t.norm);
      if (!node) break;
      upper ||= t.upper;
    }
    return best;
  }

  /** A model-name shape at token i, within tokens [i, to): family prefix plus version/size/variant suffixes (Llama-3.1-8B, Claude 3 Opus). */
  modelAt(tokens: Token[], i: number, to = tokens.length): ModelMatch | null {
    const t = tokens[i].text;
    const family = this.familyOf(t);
    if (!family) return null;
    let end = i + 1;
    let sized = false;
    while (end < to && end - i <= 3) {
      const next = tokens[end].text;
      const version = end === i + 1 && /^v?\d+(\.\d+)*$/.test(next) && !/\d/.test(t);
      const size: boolean = !sized && isSize(next);
      if (!version && !size && !this.suffixWords.has(next)) break;
      sized ||= size;
      end++;
    }
    return { end, family: family.family, parameters: sizeIn(tokens, i, end)?.toUpperCase() ?? null };
  }

  /** The longest model-family prefix `t` starts with (any case unless case-sensitive) followed by a model-name tail. */
  private familyOf(t: string): FamilyPrefix | null {
    // The prefixes share their first two characters with t, and these are ASCII.
    if (t.length < 2 || t.charCodeAt(0) >= 128 || t.charCodeAt(1) >= 128) return null;
    let depth = this.prefixPath(t, false);
    // Beyond ASCII, lower-casing may still yield an ASCII letter (the Kelvin sign): walk the text as lower-cased.
    if (depth < 0) depth = this.prefixPath(t.slice(0, LONGEST_PREFIX).toLowerCase(), true);
    while (depth > 0) {
      for (const f of this.familiesAt[this.familyPath[--depth]]!) {
        if (f.cs ? !t.startsWith(f.prefix) : !startsWithFolded(t, f.lower)) continue;
        if (this.isModelTail(t.slice(f.prefix.length))) return f;
      }
    }
    return null;
  }

  /** Walks `s` (ASCII capitals folded) down the family trie into familyPath; -1 at a non-ASCII character unless `lowered`. */
  private prefixPath(s: string, lowered: boolean): number {
    let node = this.familyTrie.pair(foldAscii(s.charCodeAt(0)), foldAscii(s.charCodeAt(1)));
    let depth = 0;
    if (node && this.familiesAt[node]) this.familyPath[depth++] = node;
    for (let k = 2; k < s.length && node; k++) {
      const c = s.charCodeAt(k);
      if (c >= 128 && !lowered) return -1;
      node = this.familyTrie.step(node, foldAscii(c));
      if (node && this.familiesAt[node]) this.familyPath[depth++] = node;
    }
    return depth;
  }

  /** What may follow a family prefix in a model name: nothing, a plural s, a version, a size or a variant suffix. */
  private isModelTail(rest: string): boolean {
    // ELECTRAbase, BERTlarge: a size glued on.
    if (rest === '' || rest === 's' || GLUED_SIZE.test(rest) || /^[-_.]?v?\d[\w.]*(?:-[\w.]+)*$/.test(rest)) return true;
    const m = /^-([A-Za-z][\w.]*)((?:-[\w.]+)*)$/.exec(rest);
    return !!m && !this.notSuffixes.has(m[1].toLowerCase());
  }

  /**
   * Pre-test for a token without capitals: lower-case text only matches lower-case aliases and case-blind model
   * families. A table of their first two characters rejects most tokens at once; the others must start an alias key
   * (the walk is kept for matchAt) or a family name, which most of them do not: no full match is tried for those.
   */
  couldStartLower(t: Token): boolean {
    const key = t.norm;
    const starts = this.starts[pairIndex(key)];
    if (!(starts & LOWER_START) || !key.length) return false;
    this.walkedToken = t;
    this.walkedNode = this.trie.walk(CharTrie.ROOT, key);
    return this.walkedNode !== 0 || (key.length >= 2 && (starts & FAMILY_START) !== 0 && this.familyOf(t.text) !== null);
  }

  /** A listed name or a model family name: "RoBERTa", "BM25". */
  isKnown(text: string): boolean {
    return !!this.lookup(text) || !!this.familyOf(text);
  }

  /** Generic words, acronyms and architectures, singular or plural: "Graph Neural Networks". */
  isGeneric(text: string): boolean {
    const head = keyHeadOfText(text);
    if (head >= 0 && !this.genericHeads[head]) return false;
    if (this.genericWords.has(text)) return true;
    const key = norm(text);
    return this.genericKeys.has(key) || (key.endsWith('s') && this.genericKeys.has(key.slice(0, -1)));
  }
}

/** The first size ("8B", "1.5b") among the dash-separated parts of tokens [from, to). */
function sizeIn(tokens: Token[], from: number, to: number): string | null {
  for (let k = from; k < to; k++) {
    const text = tokens[k].text;
    if (!text.includes('-')) {
      if (isSize(text)) return text;
      continue;
    }
    for (const part of text.split('-')) if (isSize(part)) return part;
  }
  return null;
}

/** The first alias record that accepts the surface sentence[from, to) (`upper`: the surface has a capital). */
function accepted(recs: AliasRec[], sentence: string, from: number, to: number, upper: boolean): AliasRec | null {
  for (const rec of recs) {
    if (rec.exactCase) {
      if (alnumEquals(sentence, from, to, rec.strippedAlias) || (rec.twoCaps && !hasLowerIn(sentence, from, to))) return rec;
    } else if (upper || !rec.upper) return rec;
  }
  return null;
}

/** stripped(text.slice(from, to)) === alnum, without building the string. */
function alnumEquals(text: string, from: number, to: number, alnum: string): boolean {
  let k = 0;
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (!isAlnumCode(c)) continue;
    if (k === alnum.length || alnum.charCodeAt(k) !== c) return false;
    k++;
  }
  return k === alnum.length;
}

function hasLowerIn(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (isLowerCode(text.charCodeAt(p))) return true;
  return false;
}

// The first HEAD_CHARS characters of a matching key as a table slot: 0 past the end, a-z 1-26, 0-9 27-36.
const HEAD_CHARS = 4;
const HEAD_SLOTS = 37 ** HEAD_CHARS;

function keyChar(c: number): number {
  if (c >= 97 && c <= 122) return c - 96;
  if (c >= 65 && c <= 90) return c - 64;
  if (c >= 48 && c <= 57) return c - 21;
  return -1;
}

/** Slot of a key's first HEAD_CHARS characters. */
function keyHead(key: string): number {
  let slot = 0;
  for (let k = 0; k < HEAD_CHARS; k++) slot = slot * 37 + (k < key.length ? keyChar(key.charCodeAt(k)) : 0);
  return slot;
}

/** Slot of the first HEAD_CHARS key characters of a text, without building its key; -1 when it has non-ASCII characters. */
function keyHeadOfText(text: string): number {
  let slot = 0;
  let got = 0;
  for (let k = 0; k < text.length && got < HEAD_CHARS; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return -1;
    const v = keyChar(c);
    if (v < 0) continue;
    slot = slot * 37 + v;
    got++;
  }
  for (; got < HEAD_CHARS; got++) slot *= 37;
  return slot;
}

/** Does `t` start with `lower` (a lower-case ASCII prefix) in any case? */
function startsWithFolded(t: string, lower: string): boolean {
  if (t.length < lower.length) return false;
  for (let k = 0; k < lower.length; k++) {
    const c = t.charCodeAt(k);
    // Beyond ASCII, lower-casing may still yield an ASCII letter (the Kelvin sign): compare as the text would.
    if (c >= 128) return t.slice(0, lower.length).toLowerCase() === lower;
    if (foldAscii(c) !== lower.charCodeAt(k)) return false;
  }
  return true;
}

/** Slot of a text's first two characters lower-cased (ASCII; anything else shares slot 0). */
function lowerPairIndex(t: string): number {
  const a = foldAscii(t.charCodeAt(0));
  const b = t.length > 1 ? foldAscii(t.charCodeAt(1)) : 0;
  return a < 128 && b < 128 ? a * 128 + b : 0;
}

/** Slot of a key's first two characters (ASCII; anything else shares slot 0). */
function pairIndex(key: string): number {
  // Reads stay in range (a lone "é" or "à" token has an empty key): one out-of-range charCodeAt deoptimises the caller.
  if (key.length === 0) return 0;
  const a = key.charCodeAt(0);
  const b = key.length > 1 ? key.charCodeAt(1) : 0;
  return a < 128 && b < 128 ? a * 128 + b : 0;
}

export const SIZE_RE = /^\d+(?:\.\d+)?(?:x\d+)?[BMKTb]$/;

/** A parameter count ("8B", "1.5b"): a digit first, tested before the regex as most tokens fail there. */
export function isSize(t: string): boolean {
  const c = t.charCodeAt(0);
  return c >= 48 && c <= 57 && SIZE_RE.test(t);
}

let shared: Lexicon | null = null;
/** Built once per process: the lookups are immutable. */
export function lexicon(): Lexicon {
  shared ??= new Lexicon();
  return shared;
}
