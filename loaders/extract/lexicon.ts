// The curated lexicons (JSON data in ./lexicons), compiled once into lookups that cost a few Map probes per token.
import { readFileSync } from 'node:fs';
import type { GoldType } from '../types.ts';
import { norm, type Token } from './text.ts';
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
  /** First two lower-cased characters of every model-family prefix, for a table test before the family lookup. */
  private readonly familyStarts = new Uint8Array(128 * 128);
  private readonly lowerStarts = new Uint8Array(128 * 128);
  /** Model-family prefixes by the slot of their first two characters lower-cased, longest first. */
  private readonly families = new Map<number, FamilyPrefix[]>();
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
    for (const fam of models.families) {
      for (const prefix of fam.prefixes as string[]) {
        const slot = lowerPairIndex(prefix);
        this.familyStarts[slot] = 1;
        const list = this.families.get(slot) ?? [];
        list.push({ prefix, lower: prefix.toLowerCase(), family: fam.family, cs: !!fam.cs });
        if (!fam.cs) this.markLowerStart(norm(prefix));
        list.sort((a, b) => b.prefix.length - a.prefix.length);
        this.families.set(slot, list);
      }
      for (const n of (fam.names ?? []) as string[]) {
        const names = n.split('|');
        this.add({ name: names[0], aliases: names.slice(1), type: 'model', family: fam.family, concepts: [] });
      }
    }
    this.trie = CharTrie.of(this.byKey.keys(), (key, node) => (this.recsAt[node] = this.byKey.get(key)));
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
    this.lowerStarts[pairIndex(key)] = 1;
  }

  /** Entry whose name or alias has this matching key (any case). */
  lookup(text: string): LexEntry | undefined {
    const head = keyHeadOfText(text);
    if (head >= 0 && !this.aliasHeads[head]) return undefined;
    return this.byKey.get(norm(text))?.[0]?.entry;
  }

  /** Longest lexicon alias starting at token i; lower-case text only matches aliases listed in lower case. */
  matchAt(sentence: string, tokens: Token[], i: number): { end: number; entry: LexEntry } | null {
    const first = tokens[i];
    if (first.punct) return null;
    // The tokens' keys walk the trie one after the other, as their concatenation would be looked up, without building it.
    if (!first.norm) return null;
    let node = first === this.walkedToken ? this.walkedNode : this.trie.walk(CharTrie.ROOT, first.norm);
    if (!node) return null;
    let best: { end: number; entry: LexEntry } | null = null;
    let upper = first.upper;
    for (let j = i; ; ) {
      const recs = this.recsAt[node];
      if (recs) {
        const rec = this.accepted(recs, sentence, tokens, i, j, upper);
        if (rec) best = { end: j + 1, entry: rec.entry };
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

  /** The first alias record that accepts the surface of tokens i..j (`upper`: the surface has a capital). */
  private accepted(recs: AliasRec[], sentence: string, tokens: Token[], i: number, j: number, upper: boolean): AliasRec | null {
    let s: string | null = null;
    for (const rec of recs) {
      if (rec.exactCase) {
        s ??= stripped(sentence.slice(tokens[i].start, tokens[j].end));
        if (s === rec.strippedAlias || (s === s.toUpperCase() && rec.twoCaps)) return rec;
      } else if (upper || !rec.upper) return rec;
    }
    return null;
  }

  /** A model-name shape at token i: family prefix plus version/size/variant suffixes (Llama-3.1-8B, Claude 3 Opus). */
  modelAt(tokens: Token[], i: number): ModelMatch | null {
    const t = tokens[i].text;
    const family = this.familyOf(t);
    if (!family) return null;
    let end = i + 1;
    let sized = false;
    while (end < tokens.length && end - i <= 3) {
      const next = tokens[end].text;
      const version = end === i + 1 && /^v?\d+(\.\d+)*$/.test(next) && !/\d/.test(t);
      const size: boolean = !sized && SIZE_RE.test(next);
      if (!version && !size && !this.suffixWords.has(next)) break;
      sized ||= size;
      end++;
    }
    return { end, family: family.family, parameters: sizeIn(tokens, i, end)?.toUpperCase() ?? null };
  }

  private familyOf(t: string): FamilyPrefix | null {
    if (!this.familyStarts[lowerPairIndex(t)]) return null;
    const list = this.families.get(lowerPairIndex(t));
    if (!list) return null;
    for (const f of list) {
      if (f.cs ? !t.startsWith(f.prefix) : !startsWithFolded(t, f.lower)) continue;
      const rest = t.slice(f.prefix.length);
      // ELECTRAbase, BERTlarge: a size glued on.
      if (rest === '' || rest === 's' || GLUED_SIZE.test(rest) || /^[-_.]?v?\d[\w.]*(?:-[\w.]+)*$/.test(rest)) return f;
      const m = /^-([A-Za-z][\w.]*)((?:-[\w.]+)*)$/.exec(rest);
      if (m && !this.notSuffixes.has(m[1].toLowerCase())) return f;
    }
    return null;
  }

  /**
   * Cheap pre-test for a token without capitals: lower-case text only matches lower-case aliases and case-blind model
   * families, whose first two characters are marked in a table; most tokens fail here without a hash lookup.
   */
  couldStartLower(t: Token): boolean {
    const key = t.norm;
    if (this.lowerStarts[pairIndex(key)] !== 1) return false;
    if (key.length >= 2 && this.families.has(pairIndex(key))) return true;
    if (!key.length) return false;
    this.walkedToken = t;
    this.walkedNode = this.trie.walk(CharTrie.ROOT, key);
    return this.walkedNode !== 0;
  }

  /** A listed name or a model family name: "RoBERTa", "BM25". */
  isKnown(text: string): boolean {
    return !!this.lookup(text) || !!this.familyOf(text);
  }

  /** Generic words, acronyms and architectures, singular or plural: "Graph Neural Networks". */
  isGeneric(text: string): boolean {
    if (this.genericWords.has(text)) return true;
    const head = keyHeadOfText(text);
    if (head >= 0 && !this.genericHeads[head]) return false;
    const key = norm(text);
    return this.genericKeys.has(key) || (key.endsWith('s') && this.genericKeys.has(key.slice(0, -1)));
  }
}

/** The first size ("8B", "1.5b") among the dash-separated parts of tokens [from, to). */
function sizeIn(tokens: Token[], from: number, to: number): string | null {
  for (let k = from; k < to; k++) {
    const text = tokens[k].text;
    if (!text.includes('-')) {
      if (SIZE_RE.test(text)) return text;
      continue;
    }
    for (const part of text.split('-')) if (SIZE_RE.test(part)) return part;
  }
  return null;
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
    let c = t.charCodeAt(k);
    // Beyond ASCII, lower-casing may still yield an ASCII letter (the Kelvin sign): compare as the text would.
    if (c >= 128) return t.slice(0, lower.length).toLowerCase() === lower;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(k)) return false;
  }
  return true;
}

/** Slot of a text's first two characters lower-cased (ASCII; anything else shares slot 0). */
function lowerPairIndex(t: string): number {
  let a = t.charCodeAt(0);
  let b = t.length > 1 ? t.charCodeAt(1) : 0;
  if (a >= 65 && a <= 90) a += 32;
  if (b >= 65 && b <= 90) b += 32;
  return a < 128 && b < 128 ? a * 128 + b : 0;
}

/** Slot of a key's first two characters (ASCII; anything else shares slot 0). */
function pairIndex(key: string): number {
  const a = key.charCodeAt(0);
  const b = key.length > 1 ? key.charCodeAt(1) : 0;
  return a < 128 && b < 128 ? a * 128 + b : 0;
}

export const SIZE_RE = /^\d+(?:\.\d+)?(?:x\d+)?[BMKTb]$/;

let shared: Lexicon | null = null;
/** Built once per process: the lookups are immutable. */
export function lexicon(): Lexicon {
  shared ??= new Lexicon();
  return shared;
}
