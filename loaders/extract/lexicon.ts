// The curated lexicons (JSON data in ./lexicons), compiled once into lookups that cost a few Map probes per token.
import { readFileSync } from 'node:fs';
import type { GoldType } from '../types.ts';
import { norm, type Token } from './text.ts';

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
}

interface FamilyPrefix {
  prefix: string;
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
  private readonly prefixes = new Set<string>();
  private readonly lowerStarts = new Uint8Array(128 * 128);
  private readonly families = new Map<string, FamilyPrefix[]>();
  readonly suffixWords: Set<string>;
  readonly notSuffixes: Set<string>;
  readonly genericAcronyms: Set<string>;
  readonly genericWords: Set<string>;
  readonly architectures: Set<string>;
  /** Acronyms and architectures compared by matching key: BI-LSTM is BiLSTM. */
  private readonly genericKeys: Set<string>;

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
        const key = prefix.slice(0, 2).toLowerCase();
        const list = this.families.get(key) ?? [];
        list.push({ prefix, family: fam.family, cs: !!fam.cs });
        if (!fam.cs) this.markLowerStart(norm(prefix));
        list.sort((a, b) => b.prefix.length - a.prefix.length);
        this.families.set(key, list);
      }
      for (const n of (fam.names ?? []) as string[]) {
        const names = n.split('|');
        this.add({ name: names[0], aliases: names.slice(1), type: 'model', family: fam.family, concepts: [] });
      }
    }
    this.suffixWords = new Set(models.suffixWords);
    this.notSuffixes = new Set(models.notSuffixes);
    const generic = readJson('generic.json');
    this.genericAcronyms = new Set(generic.acronyms);
    this.genericWords = new Set(generic.words);
    this.architectures = new Set(generic.architectures);
    this.genericKeys = new Set([...generic.acronyms, ...generic.architectures].map(norm));
  }

  private add(entry: LexEntry): void {
    this.entries.push(entry);
    for (const alias of [entry.name, ...entry.aliases]) {
      const key = norm(alias);
      if (!key) continue;
      const exactCase = /^[A-Za-z]{1,5}$/.test(stripped(alias));
      const list = this.byKey.get(key) ?? [];
      list.push({ entry, alias, exactCase });
      this.byKey.set(key, list);
      for (let i = 1; i <= key.length; i++) this.prefixes.add(key.slice(0, i));
      if (!hasUpper(alias)) this.markLowerStart(key);
    }
  }

  private markLowerStart(key: string): void {
    this.lowerStarts[pairIndex(key)] = 1;
  }

  /** Entry whose name or alias has this matching key (any case). */
  lookup(text: string): LexEntry | undefined {
    return this.byKey.get(norm(text))?.[0]?.entry;
  }

  /** Longest lexicon alias starting at token i; lower-case text only matches aliases listed in lower case. */
  matchAt(sentence: string, tokens: Token[], i: number): { end: number; entry: LexEntry } | null {
    let key = '';
    let best: { end: number; entry: LexEntry } | null = null;
    for (let j = i; j < tokens.length && j < i + MAX_SPAN; j++) {
      const t = tokens[j];
      if (t.punct) break;
      key += t.norm;
      if (!this.prefixes.has(key)) break;
      const recs = this.byKey.get(key);
      if (!recs) continue;
      const surface = sentence.slice(tokens[i].start, t.end);
      const rec = recs.find((r) => this.accepts(r, surface));
      if (rec) best = { end: j + 1, entry: rec.entry };
    }
    return best;
  }

  private accepts(rec: AliasRec, surface: string): boolean {
    if (rec.exactCase) {
      const s = stripped(surface);
      return s === stripped(rec.alias) || (s === s.toUpperCase() && /[A-Z].*[A-Z]/.test(rec.alias));
    }
    if (hasUpper(surface)) return true;
    return !hasUpper(rec.alias) && norm(rec.alias) === norm(surface);
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
    const parts = tokens.slice(i, end).flatMap((x) => x.text.split('-'));
    const sizePart = parts.find((p) => SIZE_RE.test(p));
    return { end, family: family.family, parameters: sizePart ? sizePart.toUpperCase() : null };
  }

  private familyOf(t: string): FamilyPrefix | null {
    const list = this.families.get(t.slice(0, 2).toLowerCase());
    if (!list) return null;
    for (const f of list) {
      const head = t.slice(0, f.prefix.length);
      if (f.cs ? head !== f.prefix : head.toLowerCase() !== f.prefix.toLowerCase()) continue;
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
    return this.lowerStarts[pairIndex(t.norm)] === 1 && (this.prefixes.has(t.norm) || this.families.has(t.norm.slice(0, 2)));
  }

  /** A listed name or a model family name: "RoBERTa", "BM25". */
  isKnown(text: string): boolean {
    return !!this.lookup(text) || !!this.familyOf(text);
  }

  /** Generic words, acronyms and architectures, singular or plural: "Graph Neural Networks". */
  isGeneric(text: string): boolean {
    if (this.genericWords.has(text)) return true;
    const key = norm(text);
    return this.genericKeys.has(key) || (key.endsWith('s') && this.genericKeys.has(key.slice(0, -1)));
  }
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
